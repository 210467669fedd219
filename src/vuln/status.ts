/** `aigis db status`: what the database in effect holds, where it came from and how old it is. */
import { effectiveRecords, cacheDir, storePath } from './store.js';

export interface DatabaseStatus {
  path: string;
  /** `snapshot` (nothing imported), `local+snapshot`, or `local` (after --replace / update). */
  mode: 'snapshot' | 'local+snapshot' | 'local';
  records: number;
  byEcosystem: Record<string, number>;
  packages: number;
  malicious: number;
  sources: { source: string; importedAt: string; records: number }[];
  updatedAt?: string;
  snapshotGeneratedAt?: string;
  ageDays?: number;
}

export async function databaseStatus(dir = cacheDir(), now = new Date()): Promise<DatabaseStatus> {
  const { records, store, snapshot } = await effectiveRecords(dir);
  const byEcosystem: Record<string, number> = {};
  const packages = new Set<string>();
  for (const r of records) {
    for (const eco of new Set(r.affected.map((a) => a.ecosystem))) byEcosystem[eco] = (byEcosystem[eco] ?? 0) + 1;
    for (const a of r.affected) packages.add(`${a.ecosystem}:${a.name}`);
  }
  const updatedAt = store?.updatedAt ?? snapshot?.generatedAt;
  return {
    path: storePath(dir),
    mode: !store ? 'snapshot' : store.bundled ? 'local+snapshot' : 'local',
    records: records.length,
    byEcosystem,
    packages: packages.size,
    malicious: records.filter((r) => r.malicious).length,
    sources: store?.sources.map(({ source, importedAt, records: n }) => ({ source, importedAt, records: n })) ?? [],
    ...(updatedAt ? { updatedAt, ageDays: Math.floor((now.getTime() - Date.parse(updatedAt)) / 86_400_000) } : {}),
    ...(snapshot ? { snapshotGeneratedAt: snapshot.generatedAt } : {}),
  };
}
