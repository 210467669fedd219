const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });
const key = import.meta.env.VITE_GEMINI_API_KEY;
const together = new Together({ apiKey: Deno.env.get("TOGETHER_API_KEY") });
