/** Poisoned instructions: agent instruction files and MCP tool descriptions with hidden text. */
import { discoverInstructions } from '../../documents/agent-instructions/discover.js';
import { agentInstructionsKind } from '../../documents/agent-instructions/kind.js';
import { postureAnalyzer } from '../analyzer.js';
import { hiddenInstructions } from './hidden-instructions.js';
import { mcpToolPoisoning } from './mcp-tool-poisoning.js';

export const agentInstructionRules = [hiddenInstructions, mcpToolPoisoning];

export const agentInstructionsAnalyzer = postureAnalyzer({ kind: agentInstructionsKind, rules: agentInstructionRules, discover: discoverInstructions });
