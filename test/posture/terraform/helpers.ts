/** Loads the Terraform grammar once for the rule tests (the kind's `parse` is synchronous). */
import { loadTerraformGrammar, terraformKind } from '../../../src/documents/terraform/index.js';

await loadTerraformGrammar();

export { terraformKind };
