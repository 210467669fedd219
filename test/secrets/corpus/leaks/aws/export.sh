# only half of it, the id is in the vault
export AWS_SECRET_ACCESS_KEY=7tyItCKGR6KZ2Ape66+hJ6i33vN/Y9ZGloN/E5mC
