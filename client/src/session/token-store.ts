// Session tokens live in sessionStorage: a reload of the tab resumes the same session (and
// reattaches to the same shells), while a new tab or another browser does not inherit it.
// Viewer tokens are kept apart, so an instructor's watch link never opens a controlling shell.
export type TokenRole = "learner" | "viewer";

export class TokenStore {
  constructor(private readonly storage: Storage = sessionStorage) {}

  save(role: TokenRole, id: string, token: string): void {
    this.storage.setItem(key(role, id), token);
  }

  load(role: TokenRole, id: string): string | undefined {
    return this.storage.getItem(key(role, id)) ?? undefined;
  }

  forget(role: TokenRole, id: string): void {
    this.storage.removeItem(key(role, id));
    this.storage.removeItem(`slipway.terminals.${id}`);
  }

  /** The terminal tabs a learner had open, so a reload brings them all back. */
  terminals(id: string): string[] {
    try {
      const list: unknown = JSON.parse(this.storage.getItem(`slipway.terminals.${id}`) ?? "[]");
      return Array.isArray(list) && list.length > 0 ? list.filter((t) => typeof t === "string") : ["term1"];
    } catch {
      return ["term1"];
    }
  }

  saveTerminals(id: string, names: readonly string[]): void {
    this.storage.setItem(`slipway.terminals.${id}`, JSON.stringify(names));
  }
}

const key = (role: TokenRole, id: string) => `slipway.${role}.${id}`;
