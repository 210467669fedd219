Rails.application.configure do
  config.x.openai_key = ENV.fetch("OPENAI_API_KEY") { "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" }
  config.x.xai_key = 'xai-EU2SYodiwTXc33u1OSmg5oohZNo1vN2ffIRzJ228GWHdKzML1cmuGjshlCwwciHuMSWYV9OByXiYMLYY'
end
