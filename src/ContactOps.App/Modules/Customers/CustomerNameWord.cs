namespace ContactOps.Modules.Customers;

/// <summary>
/// Word statistics of a client's customer names: how many customers have each folded word (<see cref="TextSearch.Tokens"/>).
/// A selectivity estimate, like a database's own statistics, read by the name search to pick its driving word
/// (<see cref="Features.SearchCustomers"/>): it need not be exact to the row, and saving a customer never touches it (no hot
/// counter row). Rebuilt set-based from <see cref="CustomerNameToken"/> by <see cref="CustomerNameWords"/>: at the end of
/// every customers import, by the demo seeder and by a daily job.
/// </summary>
public sealed class CustomerNameWord
{
    private CustomerNameWord()
    {
    }

    public CustomerNameWord(Guid clientId, string token, int customers)
    {
        ClientId = clientId;
        Token = token;
        Customers = customers;
    }

    public Guid ClientId { get; private set; }

    public string Token { get; private set; } = "";

    /// <summary>Customers of the client with this word in their name, when the statistics were last refreshed.</summary>
    public int Customers { get; private set; }
}
