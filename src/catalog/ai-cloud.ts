/**
 * Terraform resource types of managed AI services (`data/ai-cloud-resources.json`).
 */
import { createRequire } from 'node:module';
import picomatch from 'picomatch';

export interface CloudModelAttr {
  path: string;
  provider: string;
}

export interface CloudResourceEntry {
  match: string;
  cloud: 'aws' | 'gcp' | 'azure';
  service: string;
  models?: CloudModelAttr[];
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-cloud-resources.json') as { resources: CloudResourceEntry[]; dataSources: CloudResourceEntry[] };
const compile = (list: CloudResourceEntry[]) => list.map((e) => ({ entry: e, test: picomatch(e.match) }));
const resources = compile(data.resources);
const dataSources = compile(data.dataSources);

/** First matching entry (the table is ordered specific → general). */
export function classifyCloudResource(type: string, isData = false): CloudResourceEntry | undefined {
  return (isData ? dataSources : resources).find((c) => c.test(type))?.entry;
}

export function cloudCatalogue(): { resources: readonly CloudResourceEntry[]; dataSources: readonly CloudResourceEntry[] } {
  return data;
}

/**
 * Cheap pre-filter: a regex that matches the text of a Terraform file only when it mentions a
 * catalogued resource type (built from the literal prefixes of the globs), so that files without
 * AI resources never load the HCL parser.
 */
export const CLOUD_TYPE_HINT = new RegExp(
  `"(?:${[...new Set([...data.resources, ...data.dataSources].map((e) => e.match.split('*')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))].join('|')})`,
);
