// The catalog's sections: each track of labs/tracks.yaml with its labs in order, then "More
// labs" for any lab in no track, the playground last of them. A track naming a lab the server
// does not offer skips it (the server already reported it at load); an empty track is left out.
import type { LabSummary, Track } from "../../../common/lab-types.ts";

export interface CatalogSection {
  /** Undefined for "More labs". */
  readonly track?: Track;
  readonly labs: readonly LabSummary[];
}

export function catalogSections(
  labs: readonly LabSummary[],
  tracks: readonly Track[],
  playgroundId = "playground",
): CatalogSection[] {
  const byId = new Map(labs.map((l) => [l.id, l]));
  const placed = new Set<string>();
  const sections: CatalogSection[] = [];
  for (const track of tracks) {
    const mine = track.labs.flatMap((id) => {
      const lab = byId.get(id);
      return lab && !placed.has(id) ? [lab] : [];
    });
    for (const l of mine) placed.add(l.id);
    if (mine.length > 0) sections.push({ track, labs: mine });
  }
  const rest = labs.filter((l) => !placed.has(l.id));
  const ordered = [
    ...rest.filter((l) => l.id !== playgroundId),
    ...rest.filter((l) => l.id === playgroundId),
  ];
  if (ordered.length > 0) sections.push({ labs: ordered });
  return sections;
}
