using System.Buffers.Binary;
using ContactOps.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactOps.BrowserTests;

/// <summary>
/// The integration suite's host hashes passwords cheaply (TestHost); the product as served must not. The browser suite's
/// server is the product with its own configuration: its demo users' hashes carry the iteration count it uses.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PasswordHashTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_served_product_hashes_passwords_with_at_least_100000_PBKDF2_iterations()
    {
        await using var scope = fixture.App.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var hash = (await users.Users.SingleAsync(u => u.UserName == "admin")).PasswordHash!;
        var bytes = Convert.FromBase64String(hash);

        // Identity's v3 format: 0x01, PRF (uint32), iteration count (uint32), salt length (uint32), salt, subkey.
        Assert.Equal(0x01, bytes[0]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
        Assert.True(iterations >= 100_000, $"{iterations} iterations");
        Assert.True(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>().Value.IterationCount >= 100_000);
    }
}
