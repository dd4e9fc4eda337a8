/**
 * The metadata of a version: `content/<doc>/versions/<YYYY-MM-DD>/version.yaml` for an earlier
 * version, the optional `version:` map of meta.yaml for the current one (docs/versions.md).
 */
import { z } from 'zod';

/** ISO calendar date, e.g. 2017-09-01. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD, e.g. 2017-09-01' });

/** The events that make a version, as the notes under a Chinese law's title name them. */
export const EVENTS = ['制定', '修正', '修订', '废止'] as const;
export type VersionEvent = (typeof EVENTS)[number];

/** A version's own facts: its date, the event that made it, the amending act, when it took effect. */
export const versionFields = {
  /** The date the version was adopted (通过) — also its address: /<slug>/v/<date>/. */
  date: isoDate,
  event: z.enum(EVENTS, { message: `expected one of ${EVENTS.join(', ')}` }),
  /** 根据《…关于修改…的决定》第二次修正 */
  amendingAct: z
    .string()
    .min(1, { message: 'expected the amending act, e.g. 根据《…的决定》第二次修正' })
    .optional(),
  /** 施行日期, when it differs from the date. */
  effective: isoDate.optional(),
};

/** `version:` in meta.yaml: the current version's event and date. */
export const currentVersionSchema = z.object(versionFields).strict();

/** version.yaml of an earlier version. */
export const versionSchema = z.object(versionFields).strict();

export type VersionInfo = z.infer<typeof versionSchema>;

/** content/<doc>/correspondence.yaml: pairs a person has checked, overriding the computed ones. */
export const correspondenceSchema = z
  .object({
    overrides: z.array(
      z
        .object({
          /** The earlier version's date. */
          from: isoDate,
          /** The later version's date (the next version). */
          to: isoDate,
          /** The article of the earlier version, e.g. art_28. */
          old: z
            .string()
            .regex(/^art_\d+(?:-\d+)?$/, { message: 'expected an article anchor such as art_28' }),
          /** Its article(s) in the later version; [] when the revision removed it. */
          new: z.array(
            z.string().regex(/^art_\d+(?:-\d+)?$/, { message: 'expected an article anchor such as art_63' }),
          ),
          reason: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type CorrespondenceOverrides = z.infer<typeof correspondenceSchema>;
