import OpenAI from 'openai';
import { Pinecone } from '@pinecone-database/pinecone';

const pc = new Pinecone({ apiKey: 'pcsk_J9elXE_1gU2FJSBcvuCHB4g9wtU5aFZgcfdhIMqwy6tN1f0hh0Yq145PIinRNxrpmk72jE' });
const grok = new OpenAI({ baseURL: 'https://api.x.ai/v1', apiKey: process.env.XAI_API_KEY ?? 'xai-jGiwmonBLoZCrCilRmQeDHxBFb6C8gJkpoWU1qqTksBkhGgYzDRIVWa1Ami7W5TmFgAroGAYoCC6Ny9C' });
const router = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey: `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`,
});
export { pc, grok, router };
