// A lab's script or text file as a session sees it: with that session's variable values.
import { readFile } from "node:fs/promises";
import type { Lab } from "../lab.ts";
import { render } from "./template.ts";

export async function readLabText(lab: Pick<Lab, "variant">, file: string): Promise<string> {
  return render(await readFile(file, "utf8"), lab.variant);
}
