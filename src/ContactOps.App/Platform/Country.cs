namespace ContactOps.Platform;

/// <summary>Countries a client (carrier) can operate in. ISO 3166-1 alpha-2 names.</summary>
public enum Country
{
    CO,
    BO,
}
