namespace ContactOps.Modules.Customers;

/// <summary>
/// One word of a customer's name (<see cref="TextSearch.Tokens"/>), kept so that a search by name is an index range scan
/// on (client, token) on both engines: accent- and case-insensitive, any word order, words typed in part (prefixes).
/// Written with the customer (<see cref="CustomerNameTokens"/>) and by the customers import.
/// </summary>
public sealed class CustomerNameToken
{
    private CustomerNameToken()
    {
    }

    public CustomerNameToken(Guid customerId, Guid clientId, string token)
    {
        CustomerId = customerId;
        ClientId = clientId;
        Token = token;
    }

    public Guid CustomerId { get; private set; }

    public Guid ClientId { get; private set; }

    public string Token { get; private set; } = "";
}
