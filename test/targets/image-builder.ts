/** Builds small docker-save archives in memory for tests that need unusual layers. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import tar from 'tar-stream';

export type Member = { name: string; content?: Buffer | string; type?: 'file' | 'symlink' | 'link' | 'directory'; linkname?: string };

export async function tarOf(members: Member[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const m of members) {
    const body = m.content === undefined ? undefined : Buffer.from(m.content);
    await new Promise<void>((resolve, reject) => {
      const header = { name: m.name, type: m.type ?? 'file', linkname: m.linkname, size: body?.length ?? 0 };
      if (body) pack.entry(header, body, (err) => (err ? reject(err) : resolve()));
      else pack.entry(header, (err) => (err ? reject(err) : resolve())).end(undefined);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A docker-save archive whose layers are given as raw blobs (tar, gzip, or garbage). */
export async function dockerSave(file: string, layers: Buffer[], config: Record<string, unknown> = {}): Promise<void> {
  const names = layers.map((l) => `${createHash('sha256').update(l).digest('hex')}/layer.tar`);
  const members: Member[] = layers.map((l, i) => ({ name: names[i], content: l }));
  members.push({ name: 'config.json', content: JSON.stringify(config) });
  members.push({ name: 'manifest.json', content: JSON.stringify([{ Config: 'config.json', RepoTags: ['t:1'], Layers: names }]) });
  writeFileSync(file, await tarOf(members));
}
