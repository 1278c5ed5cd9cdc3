namespace ContactOps.Platform;

/// <summary>A business capability: registers its services and maps its API endpoints under /api/v1.</summary>
public interface IAppModule
{
    void AddServices(IServiceCollection services);

    void MapEndpoints(RouteGroupBuilder api);
}
