// Records, for the catalog, the empty `{}` lines of the mirrored Codenames logs that recipe.sql leaves out.
// The release is known to contain them (SOURCES.md: failed or unlogged API calls; 89 across all 72 logs,
// 15 in the six logs mirrored here); every other malformed line makes read_json fail with file and line.
import type { RecipeContext } from '../../build/recipe.ts';

export default async function (ctx: RecipeContext): Promise<void> {
  const empties = await ctx.sql(`
    SELECT source, count(*) AS n FROM _cn_log WHERE idx IS NULL GROUP BY source ORDER BY source`);
  for (const r of empties) {
    const s = {
      file: String(r.source),
      count: Number(r.n),
      reason: 'empty {} line in the released log (no record for that item: the run failed or was not logged)',
    };
    ctx.skip('codenames_log_records', s);
    ctx.skip('codenames_log_calls', s);
  }
}
