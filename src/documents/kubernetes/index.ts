/**
 * The Kubernetes document kind: which files it reads, its memoised parser (shared by the BOM's
 * Kubernetes discovery and the posture checks), and the project view of the whole target.
 */
import type { DocumentKind } from '../../posture/rule.js';
import type { K8sFile, K8sProject } from './model.js';
import { isHelmTemplate, looksLikeManifest, parseManifest } from './parse.js';
import { parseYamlDocs } from '../yaml.js';
import { buildProject } from './project.js';

export const HELM_VALUES = /^values[\w.-]*\.ya?ml$/;

export const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/;

export const kubernetesKind: DocumentKind<K8sFile, K8sProject> = {
  name: 'kubernetes',
  match: (f) => (f.ext === '.yaml' || f.ext === '.yml') && !COMPOSE_NAME.test(f.name) && !/(?:^|\/)node_modules\//.test(f.path),
  // Not noted when larger: any large YAML data file would get a note.
  maxBytes: 8 * 1024 * 1024,
  // Helm values are read as plain YAML; not a manifest, or an unrendered Helm template (discovery
  // notes those): no document, no note.
  parse: ({ path, text }) => {
    if (HELM_VALUES.test(path.slice(path.lastIndexOf('/') + 1).toLowerCase()) && !looksLikeManifest(text)) {
      const values = parseYamlDocs(text);
      return { document: { objects: [], errors: [], values } };
    }
    return !looksLikeManifest(text) || isHelmTemplate(path, text) ? {} : { document: parseManifest(path, text) };
  },
  project: (docs) => [buildProject(docs)],
};

export type { ContainerView, K8sFile, K8sObject, K8sProject, PodView } from './model.js';
