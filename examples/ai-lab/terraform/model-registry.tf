# The model registry and the role CI publishes to it with (GitHub OIDC, .github/workflows/publish-model.yml).
resource "aws_sagemaker_model_package_group" "models" {
  model_package_group_name = "ai-lab-models"
}

resource "aws_iam_role" "model_publisher" {
  name = "ai-lab-model-publisher"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" } }]
  })
}

resource "aws_iam_role_policy" "model_publisher_registers" {
  role = aws_iam_role.model_publisher.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["sagemaker:CreateModelPackage", "sagemaker:UpdateModelPackage"], Resource = [aws_sagemaker_model_package_group.models.arn] }]
  })
}
