/** Moved to src/documents/yaml.ts (the shared document layer); re-exported for existing importers. */
export { parseYamlDocs, yamlDocsParser, type YamlDoc, type YamlParse } from '../documents/yaml.js';
