// The workspace files API (`/api/sessions/:id/files`), shared by the editor and the server.
// Paths are relative to the learner's workspace; `version` is the SHA-256 of the content, so
// a save can say which version it replaces (`If-Match: "<version>"`, or `If-None-Match: *`
// for a new file) and never silently overwrite a newer one: that answers 409 conflict.

/** The largest file the editor opens or saves. */
export const MAX_EDIT_BYTES = 1024 * 1024;

export type FileEntryType = "file" | "dir" | "link" | "other";

export interface FileEntry {
  readonly path: string;
  readonly type: FileEntryType;
  readonly size: number;
}

export interface FileList {
  readonly entries: readonly FileEntry[];
  /** More entries exist than the listing returns. */
  readonly truncated: boolean;
}

export type FileContent =
  | { readonly path: string; readonly kind: "text"; readonly content: string; readonly version: string }
  /** Shown as a notice instead of the bytes. */
  | { readonly path: string; readonly kind: "binary" | "too-large" };

export interface SavedFile {
  readonly path: string;
  readonly version: string;
}
