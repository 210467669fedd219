package main

const anthropicKey = "sk-ant-api03-M_fqCaiAkMzRvq1Pzq9-aFd3og-hFmBkrR4S6c2PFvcyKvVuDmottpg0WB15tJTkBwC5bUNdGC1h-elbCUpLnoXlVXIUWAA"

var cfg = Config{GeminiKey: `AIza1EY12lIjmHFfIoq7PX-u3zCOG-8PnCQSFyk`}
