/**
 * What a call means for the AI inventory: a data table, matched on the callee's last segments.
 * `requires` lists packages (from data/ai-imports.json) one of which the file must import, so that
 * generic names (`pipeline`, `LLM`, `chat`) only count in files that use the library.
 */

/** Where the interesting value sits: a positional index and/or keyword (Python) / property (JS object) names. */
export interface ArgSpec {
  pos?: number;
  kw?: string[];
}

export type CallTarget =
  | { kind: 'hf-model'; arg: ArgSpec; revision?: string[]; bareOrg?: string; allowBare?: boolean; datasetWhenRepoType?: boolean }
  | { kind: 'provider-model'; arg: ArgSpec; provider: string }
  | { kind: 'init-chat-model'; arg: ArgSpec }
  | { kind: 'prefixed-model'; arg: ArgSpec }
  | { kind: 'dataset'; arg: ArgSpec }
  | { kind: 'provider'; provider: string; arg?: ArgSpec; values?: Record<string, string> }
  | { kind: 'mcp-server'; arg: ArgSpec; framework: string }
  /** A map of MCP server name → connection (`url`, `command`/`args`, `transport`) passed to a client. */
  | { kind: 'mcp-server-map'; arg: ArgSpec; framework: string }
  | { kind: 'vector-store'; store: string; url?: ArgSpec }
  /** Ray Serve `LLMConfig(model_loading_config=dict(model_id=…, model_source=…))`. */
  | { kind: 'ray-llm-config'; arg: ArgSpec }
  | { kind: 'agent'; framework: string; name?: ArgSpec };

export interface CallRule {
  /** Dotted suffix of the callee (`chat.completions.create`, `from_pretrained`, `boto3.client`). */
  callee: string;
  requires?: string[];
  /** Python modules one of which must be imported (prefix match), for names shared by many libraries. */
  requiresModule?: string[];
  target: CallTarget;
}

const OPENAI_COMPAT = 'openai-compatible';
const pos0 = (...kw: string[]): ArgSpec => ({ pos: 0, kw });
const kw = (...names: string[]): ArgSpec => ({ kw: names });

const LANGCHAIN = ['langchain', 'langchain-core', 'langchain-community', 'langchain-openai', 'langchain-anthropic', 'langchain-aws', 'langchain-google-genai', 'langchain-google-vertexai', 'langchain-ollama', 'langchain-mistralai', 'langchain-huggingface', 'langchain-chroma', 'langchain-pinecone', 'langchain-qdrant', 'langchain-postgres', '@langchain/*', 'llama-index'];

function chat(callee: string, provider: string, ...names: string[]): CallRule {
  return { callee, requires: LANGCHAIN, target: { kind: 'provider-model', provider, arg: kw(...names) } };
}

export const CALL_RULES: CallRule[] = [
  // Hugging Face model references
  { callee: 'from_pretrained', target: { kind: 'hf-model', arg: pos0('pretrained_model_name_or_path', 'model_id', 'repo_id', 'model_name'), revision: ['revision'], allowBare: true } },
  { callee: 'pipeline', requires: ['transformers', '@huggingface/transformers', '@xenova/transformers'], target: { kind: 'hf-model', arg: { pos: 1, kw: ['model'] }, revision: ['revision'] } },
  { callee: 'SentenceTransformer', requires: ['sentence-transformers'], target: { kind: 'hf-model', arg: pos0('model_name_or_path'), revision: ['revision'], bareOrg: 'sentence-transformers' } },
  { callee: 'CrossEncoder', requires: ['sentence-transformers'], target: { kind: 'hf-model', arg: pos0('model_name', 'model_name_or_path'), revision: ['revision'], allowBare: true } },
  { callee: 'HuggingFaceEmbeddings', requires: LANGCHAIN, target: { kind: 'hf-model', arg: kw('model_name', 'model'), bareOrg: 'sentence-transformers' } },
  { callee: 'HuggingFaceEndpoint', requires: LANGCHAIN, target: { kind: 'hf-model', arg: kw('repo_id', 'model') } },
  { callee: 'from_model_id', requires: LANGCHAIN, target: { kind: 'hf-model', arg: kw('model_id') } },
  { callee: 'hf_hub_download', requires: ['huggingface-hub'], target: { kind: 'hf-model', arg: pos0('repo_id'), revision: ['revision'], datasetWhenRepoType: true } },
  { callee: 'snapshot_download', requires: ['huggingface-hub'], target: { kind: 'hf-model', arg: pos0('repo_id'), revision: ['revision'], datasetWhenRepoType: true } },
  { callee: 'InferenceClient', requires: ['huggingface-hub'], target: { kind: 'hf-model', arg: pos0('model') } },
  { callee: 'LLM', requires: ['vllm'], target: { kind: 'hf-model', arg: pos0('model'), revision: ['revision'] } },
  { callee: 'AsyncEngineArgs', requires: ['vllm'], target: { kind: 'hf-model', arg: kw('model'), revision: ['revision'] } },
  { callee: 'LLMConfig', requiresModule: ['ray.serve.llm', 'ray.llm'], target: { kind: 'ray-llm-config', arg: kw('model_loading_config') } },

  // Hosted model calls (OpenAI-compatible clients resolve their provider per file)
  ...['chat.completions.create', 'chat.completions.parse', 'completions.create', 'embeddings.create', 'responses.create', 'images.generate', 'audio.transcriptions.create', 'audio.speech.create', 'chat.completions.stream'].map(
    (c): CallRule => ({ callee: c, target: { kind: 'provider-model', provider: OPENAI_COMPAT, arg: kw('model') } }),
  ),
  { callee: 'messages.create', requires: ['anthropic', '@anthropic-ai/sdk'], target: { kind: 'provider-model', provider: 'anthropic', arg: kw('model') } },
  { callee: 'messages.stream', requires: ['anthropic', '@anthropic-ai/sdk'], target: { kind: 'provider-model', provider: 'anthropic', arg: kw('model') } },
  ...['invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream'].map(
    (c): CallRule => ({ callee: c, target: { kind: 'provider-model', provider: 'bedrock', arg: kw('modelId') } }),
  ),
  ...['InvokeModelCommand', 'InvokeModelWithResponseStreamCommand', 'ConverseCommand', 'ConverseStreamCommand'].map(
    (c): CallRule => ({ callee: c, requires: ['@aws-sdk/client-bedrock-runtime'], target: { kind: 'provider-model', provider: 'bedrock', arg: kw('modelId') } }),
  ),
  { callee: 'GenerativeModel', requires: ['google-generativeai'], target: { kind: 'provider-model', provider: 'google', arg: pos0('model_name') } },
  { callee: 'GenerativeModel', requires: ['google-cloud-aiplatform'], target: { kind: 'provider-model', provider: 'vertexai', arg: pos0('model_name') } },
  { callee: 'models.generate_content', requires: ['google-genai'], target: { kind: 'provider-model', provider: 'google', arg: kw('model') } },
  { callee: 'getGenerativeModel', requires: ['@google/generative-ai', '@google-cloud/vertexai'], target: { kind: 'provider-model', provider: 'google', arg: kw('model') } },
  { callee: 'models.generateContent', requires: ['@google/genai'], target: { kind: 'provider-model', provider: 'google', arg: kw('model') } },
  // `ollama.chat(...)` and `ollama.Client().chat(...)`; the file must import ollama.
  ...['chat', 'generate', 'embed', 'embeddings', 'pull'].map((c): CallRule => ({ callee: c, requires: ['ollama'], target: { kind: 'provider-model', provider: 'ollama', arg: kw('model') } })),
  ...['chat', 'chat_stream', 'embed', 'rerank', 'generate'].map((c): CallRule => ({ callee: c, requires: ['cohere', 'cohere-ai'], target: { kind: 'provider-model', provider: 'cohere', arg: kw('model') } })),
  // openai < 1.0 module-level API (still common): `openai.ChatCompletion.create(model=… | engine=…)`.
  ...['ChatCompletion.create', 'Completion.create', 'Embedding.create', 'ChatCompletion.acreate'].map((c): CallRule => ({ callee: c, requires: ['openai'], target: { kind: 'provider-model', provider: OPENAI_COMPAT, arg: kw('model', 'engine') } })),
  { callee: 'models.embed_content', requires: ['google-genai'], target: { kind: 'provider-model', provider: 'google', arg: kw('model') } },
  { callee: 'chat.complete', requires: ['mistralai', '@mistralai/mistralai'], target: { kind: 'provider-model', provider: 'mistral', arg: kw('model') } },
  ...['completion', 'acompletion', 'embedding', 'aembedding'].map((c): CallRule => ({ callee: c, requires: ['litellm'], target: { kind: 'prefixed-model', arg: kw('model') } })),
  { callee: 'init_chat_model', requires: LANGCHAIN, target: { kind: 'init-chat-model', arg: pos0('model') } },
  { callee: 'initChatModel', requires: LANGCHAIN, target: { kind: 'init-chat-model', arg: pos0('model') } },

  // LangChain / LlamaIndex model wrappers
  chat('ChatOpenAI', 'openai', 'model', 'model_name', 'modelName'),
  chat('OpenAIEmbeddings', 'openai', 'model', 'modelName'),
  chat('AzureChatOpenAI', 'azure-openai', 'azure_deployment', 'deployment_name', 'model', 'azureOpenAIApiDeploymentName'),
  chat('AzureOpenAIEmbeddings', 'azure-openai', 'azure_deployment', 'model'),
  chat('ChatAnthropic', 'anthropic', 'model', 'model_name', 'modelName'),
  chat('ChatBedrock', 'bedrock', 'model_id', 'model'),
  chat('ChatBedrockConverse', 'bedrock', 'model', 'model_id'),
  chat('BedrockChat', 'bedrock', 'model'),
  chat('BedrockLLM', 'bedrock', 'model_id', 'model'),
  chat('BedrockEmbeddings', 'bedrock', 'model_id', 'model'),
  chat('ChatOllama', 'ollama', 'model'),
  chat('OllamaLLM', 'ollama', 'model'),
  chat('OllamaEmbeddings', 'ollama', 'model'),
  chat('ChatGoogleGenerativeAI', 'google', 'model', 'model_name'),
  chat('GoogleGenerativeAIEmbeddings', 'google', 'model'),
  chat('ChatVertexAI', 'vertexai', 'model_name', 'model'),
  chat('VertexAIEmbeddings', 'vertexai', 'model_name', 'model'),
  chat('ChatMistralAI', 'mistral', 'model', 'model_name'),
  chat('ChatGroq', 'groq', 'model', 'model_name'),
  chat('ChatCohere', 'cohere', 'model'),
  chat('CohereEmbeddings', 'cohere', 'model'),

  // Agent frameworks: model arguments
  { callee: 'Agent', requires: ['pydantic-ai'], target: { kind: 'init-chat-model', arg: pos0('model') } },
  { callee: 'LLM', requires: ['crewai'], target: { kind: 'prefixed-model', arg: pos0('model') } },
  { callee: 'LiteLLMModel', requires: ['smolagents'], target: { kind: 'prefixed-model', arg: kw('model_id') } },
  { callee: 'InferenceClientModel', requires: ['smolagents'], target: { kind: 'hf-model', arg: kw('model_id') } },
  { callee: 'HfApiModel', requires: ['smolagents'], target: { kind: 'hf-model', arg: pos0('model_id') } },
  { callee: 'OpenAI', requires: ['llama-index'], target: { kind: 'provider-model', provider: 'openai', arg: kw('model') } },
  { callee: 'Anthropic', requires: ['llama-index'], target: { kind: 'provider-model', provider: 'anthropic', arg: kw('model') } },
  { callee: 'Ollama', requires: ['llama-index'], target: { kind: 'provider-model', provider: 'ollama', arg: kw('model') } },

  // Agents defined in code
  { callee: 'create_react_agent', requires: ['langgraph'], target: { kind: 'agent', framework: 'LangGraph', name: kw('name') } },
  { callee: 'create_react_agent', requires: ['langgraph'], target: { kind: 'init-chat-model', arg: pos0('model') } },
  { callee: 'create_agent', requires: ['langchain'], target: { kind: 'init-chat-model', arg: pos0('model') } },
  { callee: 'create_agent', requires: ['langchain'], target: { kind: 'agent', framework: 'LangChain', name: kw('name') } },
  { callee: 'createReactAgent', requires: ['@langchain/*'], target: { kind: 'agent', framework: 'LangGraph.js', name: kw('name') } },
  { callee: 'Agent', requires: ['crewai'], target: { kind: 'agent', framework: 'CrewAI', name: kw('role') } },
  { callee: 'Agent', requires: ['pydantic-ai'], target: { kind: 'agent', framework: 'Pydantic AI', name: kw('name') } },
  // AutoGen model clients name their model in the constructor.
  { callee: 'OpenAIChatCompletionClient', requires: ['autogen-ext'], target: { kind: 'provider-model', provider: 'openai', arg: kw('model') } },
  { callee: 'AzureOpenAIChatCompletionClient', requires: ['autogen-ext'], target: { kind: 'provider-model', provider: 'azure-openai', arg: kw('model') } },
  { callee: 'AnthropicChatCompletionClient', requires: ['autogen-ext'], target: { kind: 'provider-model', provider: 'anthropic', arg: kw('model') } },
  { callee: 'OllamaChatCompletionClient', requires: ['autogen-ext'], target: { kind: 'provider-model', provider: 'ollama', arg: kw('model') } },
  // MCP servers declared in code (LangChain MCP adapters, agent SDKs taking an `mcp_servers` map).
  { callee: 'MultiServerMCPClient', target: { kind: 'mcp-server-map', arg: pos0('connections', 'mcpServers', 'mcp_servers'), framework: 'LangChain MCP adapters' } },
  { callee: 'AssistantAgent', requires: ['autogen-agentchat'], target: { kind: 'agent', framework: 'AutoGen', name: pos0('name') } },
  { callee: 'CodeAgent', requires: ['smolagents'], target: { kind: 'agent', framework: 'smolagents', name: kw('name') } },
  { callee: 'ToolCallingAgent', requires: ['smolagents'], target: { kind: 'agent', framework: 'smolagents', name: kw('name') } },
  { callee: 'Agent', requires: ['@openai/agents', '@mastra/*'], target: { kind: 'agent', framework: 'JS agent SDK', name: kw('name') } },
  { callee: 'Agent', requires: ['openai-agents'], target: { kind: 'agent', framework: 'OpenAI Agents SDK', name: kw('name') } },
  { callee: 'Agent', requires: ['openai-agents'], target: { kind: 'prefixed-model', arg: kw('model') } },
  // Google ADK (`Agent`/`LlmAgent(model="gemini-2.0-flash")`), Strands (Bedrock model ids by default), Agno (`model=OpenAIChat(id=…)`).
  ...['Agent', 'LlmAgent'].flatMap((c): CallRule[] => [
    { callee: c, requires: ['google-adk'], target: { kind: 'agent', framework: 'Google ADK', name: kw('name') } },
    { callee: c, requires: ['google-adk'], target: { kind: 'provider-model', provider: 'google', arg: kw('model') } },
  ]),
  { callee: 'Agent', requires: ['strands-agents'], target: { kind: 'agent', framework: 'Strands Agents', name: kw('name') } },
  { callee: 'Agent', requires: ['strands-agents'], target: { kind: 'provider-model', provider: 'bedrock', arg: kw('model') } },
  { callee: 'BedrockModel', requires: ['strands-agents'], target: { kind: 'provider-model', provider: 'bedrock', arg: kw('model_id') } },
  { callee: 'Agent', requires: ['agno'], target: { kind: 'agent', framework: 'Agno', name: kw('name') } },
  ...([['OpenAIChat', 'openai'], ['OpenAIResponses', 'openai'], ['Claude', 'anthropic'], ['Gemini', 'google'], ['Ollama', 'ollama'], ['Groq', 'groq'], ['AwsBedrock', 'bedrock']] as const).map(
    ([c, provider]): CallRule => ({ callee: c, requires: ['agno'], target: { kind: 'provider-model', provider, arg: kw('id') } }),
  ),

  // Datasets
  { callee: 'load_dataset', requires: ['datasets'], target: { kind: 'dataset', arg: pos0('path') } },

  // Provider clients
  { callee: 'OpenAI', requires: ['openai'], target: { kind: 'provider', provider: OPENAI_COMPAT } },
  { callee: 'AsyncOpenAI', requires: ['openai'], target: { kind: 'provider', provider: OPENAI_COMPAT } },
  { callee: 'AzureOpenAI', requires: ['openai', '@azure/openai'], target: { kind: 'provider', provider: 'azure-openai' } },
  { callee: 'AsyncAzureOpenAI', requires: ['openai'], target: { kind: 'provider', provider: 'azure-openai' } },
  { callee: 'Anthropic', requires: ['anthropic', '@anthropic-ai/sdk'], target: { kind: 'provider', provider: 'anthropic' } },
  { callee: 'AsyncAnthropic', requires: ['anthropic'], target: { kind: 'provider', provider: 'anthropic' } },
  { callee: 'AnthropicBedrock', requires: ['anthropic'], target: { kind: 'provider', provider: 'bedrock' } },
  { callee: 'AnthropicVertex', requires: ['anthropic'], target: { kind: 'provider', provider: 'vertexai' } },
  { callee: 'client', target: { kind: 'provider', provider: 'bedrock', arg: pos0('service_name'), values: { 'bedrock-runtime': 'bedrock', 'bedrock-agent-runtime': 'bedrock', bedrock: 'bedrock', 'sagemaker-runtime': 'sagemaker' } } },
  { callee: 'BedrockRuntimeClient', requires: ['@aws-sdk/client-bedrock-runtime'], target: { kind: 'provider', provider: 'bedrock' } },
  { callee: 'BedrockAgentRuntimeClient', requires: ['@aws-sdk/client-bedrock-agent-runtime'], target: { kind: 'provider', provider: 'bedrock' } },
  { callee: 'SageMakerRuntimeClient', requires: ['@aws-sdk/client-sagemaker-runtime'], target: { kind: 'provider', provider: 'sagemaker' } },
  { callee: 'genai.Client', requires: ['google-genai'], target: { kind: 'provider', provider: 'google' } },
  { callee: 'genai.configure', requires: ['google-generativeai'], target: { kind: 'provider', provider: 'google' } },
  { callee: 'vertexai.init', requires: ['google-cloud-aiplatform'], target: { kind: 'provider', provider: 'vertexai' } },
  { callee: 'GoogleGenerativeAI', requires: ['@google/generative-ai'], target: { kind: 'provider', provider: 'google' } },
  { callee: 'GoogleGenAI', requires: ['@google/genai'], target: { kind: 'provider', provider: 'google' } },
  { callee: 'VertexAI', requires: ['@google-cloud/vertexai'], target: { kind: 'provider', provider: 'vertexai' } },
  { callee: 'Mistral', requires: ['mistralai', '@mistralai/mistralai'], target: { kind: 'provider', provider: 'mistral' } },
  { callee: 'Groq', requires: ['groq', 'groq-sdk'], target: { kind: 'provider', provider: 'groq' } },
  { callee: 'ClientV2', requires: ['cohere'], target: { kind: 'provider', provider: 'cohere' } },
  { callee: 'CohereClient', requires: ['cohere-ai'], target: { kind: 'provider', provider: 'cohere' } },
  { callee: 'HfInference', requires: ['@huggingface/inference'], target: { kind: 'provider', provider: 'huggingface' } },
  { callee: 'Ollama', requires: ['ollama'], target: { kind: 'provider', provider: 'ollama' } },

  // MCP servers defined in code
  { callee: 'FastMCP', requires: ['mcp', 'fastmcp'], target: { kind: 'mcp-server', arg: pos0('name'), framework: 'FastMCP' } },
  { callee: 'Server', requiresModule: ['mcp.server'], target: { kind: 'mcp-server', arg: pos0('name'), framework: 'mcp (low-level Server)' } },
  { callee: 'McpServer', requires: ['@modelcontextprotocol/sdk'], target: { kind: 'mcp-server', arg: kw('name'), framework: 'MCP TypeScript SDK' } },
  { callee: 'Server', requires: ['@modelcontextprotocol/sdk'], target: { kind: 'mcp-server', arg: kw('name'), framework: 'MCP TypeScript SDK (low-level Server)' } },

  // Vector stores
  ...['PersistentClient', 'HttpClient', 'EphemeralClient', 'AsyncHttpClient', 'CloudClient'].map((c): CallRule => ({ callee: `chromadb.${c}`, requires: ['chromadb'], target: { kind: 'vector-store', store: 'chroma', url: kw('host', 'path') } })),
  { callee: 'ChromaClient', requires: ['chromadb'], target: { kind: 'vector-store', store: 'chroma', url: kw('path', 'host') } },
  { callee: 'Chroma', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'chroma', url: kw('persist_directory', 'collection_name') } },
  { callee: 'Chroma.from_documents', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'chroma', url: kw('persist_directory') } },
  { callee: 'Chroma.fromDocuments', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'chroma', url: kw('url') } },
  ...['from_documents', 'from_texts', 'load_local'].map((c): CallRule => ({ callee: `FAISS.${c}`, requires: LANGCHAIN, target: { kind: 'vector-store', store: 'faiss' } })),
  ...['IndexFlatL2', 'IndexFlatIP', 'IndexHNSWFlat', 'IndexIVFFlat', 'read_index'].map((c): CallRule => ({ callee: `faiss.${c}`, requires: ['faiss-cpu'], target: { kind: 'vector-store', store: 'faiss' } })),
  { callee: 'QdrantClient', requires: ['qdrant-client', '@qdrant/js-client-rest'], target: { kind: 'vector-store', store: 'qdrant', url: pos0('url', 'host', 'location') } },
  { callee: 'QdrantVectorStore', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'qdrant', url: kw('url') } },
  { callee: 'Pinecone', requires: ['pinecone', '@pinecone-database/pinecone'], target: { kind: 'vector-store', store: 'pinecone' } },
  { callee: 'PineconeVectorStore', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'pinecone', url: kw('index_name') } },
  { callee: 'PineconeStore', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'pinecone' } },
  ...['connect_to_local', 'connect_to_weaviate_cloud', 'connect_to_custom', 'Client'].map((c): CallRule => ({ callee: `weaviate.${c}`, requires: ['weaviate-client'], target: { kind: 'vector-store', store: 'weaviate', url: pos0('url', 'host', 'cluster_url') } })),
  { callee: 'MilvusClient', requires: ['pymilvus', '@zilliz/milvus2-sdk-node'], target: { kind: 'vector-store', store: 'milvus', url: pos0('uri', 'address') } },
  { callee: 'lancedb.connect', requires: ['lancedb', '@lancedb/lancedb'], target: { kind: 'vector-store', store: 'lancedb', url: pos0('uri') } },
  { callee: 'PGVector', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'pgvector', url: kw('collection_name') } },
  { callee: 'MemoryVectorStore', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'langchain-memory' } },
  { callee: 'MemoryVectorStore.fromDocuments', requires: LANGCHAIN, target: { kind: 'vector-store', store: 'langchain-memory' } },
  { callee: 'VectorStoreIndex.from_documents', requires: ['llama-index'], target: { kind: 'vector-store', store: 'llama-index-memory' } },
];

/** Vercel AI SDK provider factories: `openai("gpt-4o")` where `openai` is imported from `@ai-sdk/openai`. */
export const AI_SDK_PROVIDERS: Record<string, string> = {
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/anthropic': 'anthropic',
  '@ai-sdk/google': 'google',
  '@ai-sdk/google-vertex': 'vertexai',
  '@ai-sdk/amazon-bedrock': 'bedrock',
  '@ai-sdk/azure': 'azure-openai',
  '@ai-sdk/mistral': 'mistral',
  '@ai-sdk/groq': 'groq',
  '@ai-sdk/cohere': 'cohere',
  '@ai-sdk/xai': 'xai',
  '@ai-sdk/deepseek': 'deepseek',
  'ollama-ai-provider': 'ollama',
};
