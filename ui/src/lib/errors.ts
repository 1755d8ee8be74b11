// Words for every error code the shell sends. AppError and ErrorCode are generated from
// src-tauri/src/api.rs by ts-rs, so the compiler checks HEADLINES has a sentence for each code.
import type { AppError } from "../bindings/AppError";
import type { ErrorCode } from "../bindings/ErrorCode";

export type { AppError };

const HEADLINES: Record<ErrorCode, string> = {
  not_a_database: "Gutsy cannot read your library file",
  cannot_open: "Gutsy cannot open your library",
  too_new: "Your library was saved by a newer Gutsy",
  database: "The library reported an error",
  damaged: "A stored recipe is damaged",
  not_found: "That recipe is not in your library",
  ambiguous: "Several recipes match",
  import: "The recipe could not be read",
  bad_filter: "That filter is not understood",
  no_plan: "There is no plan yet",
  bad_slot: "That change does not fit the plan",
  bad_name: "That plan name cannot be used",
  bad_settings: "Those settings were not saved",
  bad_pantry: "Your pantry or aisle list could not be read",
  cannot_write: "The file could not be saved",
  bad_backup: "That backup cannot be restored",
  no_library_path: "Gutsy does not know where to keep your library",
  busy: "The library is unavailable",
};

const HINTS: Partial<Record<ErrorCode, string>> = {
  not_a_database: "Start a new library (the old file is kept, renamed) or open another library file.",
  cannot_open: "Check that the folder exists and that you may write to it.",
  too_new: "Update Gutsy to open this library.",
  not_found: "It may have been deleted. Go back to the library to pick another recipe.",
  busy: "Restart Gutsy.",
  bad_backup: "Your library was not changed.",
};

export function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && typeof (e as AppError).code === "string" && typeof (e as AppError).message === "string";
}

/** What to show for any failure: a headline in words, the core's sentence and a hint. */
export function describeError(e: unknown): { headline: string; detail: string; hint: string | null } {
  if (isAppError(e)) {
    const code = e.code as ErrorCode;
    return { headline: HEADLINES[code] ?? "Something went wrong", detail: e.message, hint: HINTS[code] ?? null };
  }
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
  return { headline: "Something went wrong", detail, hint: null };
}
