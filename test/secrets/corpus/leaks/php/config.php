<?php
return [
    'perplexity' => ['key' => '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'],
    'pinecone' => ['api_key' => "pcsk_EFPODI_lN1JRfIJ78WuOHVt4ALjmNGQmwFMYOzLCg659xSPKHYZo4sjsnvGrlkjhoALgxz"],
];
