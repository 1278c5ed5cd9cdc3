// Resource names are built from the root namespace (ContactOps), not from the assembly's name (ContactOps.App).
[assembly: Microsoft.Extensions.Localization.RootNamespace("ContactOps")]
