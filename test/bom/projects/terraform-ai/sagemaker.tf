resource "aws_sagemaker_model" "ranker" {
  name               = "ranker"
  execution_role_arn = aws_iam_role.bedrock_agent.arn

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04"
    model_data_url = "s3://acme-models/ranker/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "ranker" {
  name = "ranker"

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.ranker.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint" "ranker" {
  name                 = "ranker"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.ranker.name
}
