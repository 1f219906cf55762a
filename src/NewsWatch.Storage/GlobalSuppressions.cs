using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Justification = "'select' mirrors the Azure.Data.Tables parameter name so callers can switch packages unchanged.",
    Scope = "namespaceanddescendants",
    Target = "~N:NewsWatch.Storage.Tables")]
