package lab.llm;

public final class LlmConfig {
    public static final String OPENAI_KEY = "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";
    private static final String AWS_ID = "AKIAXDXU3HXM4PRQPH25";
    private static final String AWS_SECRET = "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";
}
