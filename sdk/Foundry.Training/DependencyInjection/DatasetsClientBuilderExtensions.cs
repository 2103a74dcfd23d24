using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using Azure.Core;
using Azure.Core.Extensions;
using Foundry.Training;
using Foundry.Training.Datasets;

// The namespace of Microsoft.Extensions.Azure's builder, as in every Azure SDK: the extensions show up on
// `services.AddAzureClients(builder => builder.AddDatasetsClient(...))` without another using.
namespace Microsoft.Extensions.Azure;

/// <summary>
/// Registers <see cref="DatasetsClient"/> with Microsoft.Extensions.Azure (<c>services.AddAzureClients(...)</c>),
/// which then supplies the credential, options (retries, diagnostics, transport) and client lifetime.
/// </summary>
public static class DatasetsClientBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="DatasetsClient"/> for a Foundry project; the credential is the registration's
    /// (<c>WithCredential</c>) or the builder's default (<c>UseCredential</c>, otherwise <c>DefaultAzureCredential</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="endpoint">The project endpoint, <c>https://{account}.services.ai.azure.com/api/projects/{project}</c>.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="endpoint"/> is null.</exception>
    public static IAzureClientBuilder<DatasetsClient, DatasetsClientOptions> AddDatasetsClient<TBuilder>(this TBuilder builder, Uri endpoint)
        where TBuilder : IAzureClientFactoryBuilderWithCredential
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(endpoint, nameof(endpoint));
        return builder.RegisterClientFactory<DatasetsClient, DatasetsClientOptions>((options, credential) => new DatasetsClient(endpoint, credential, options));
    }

    /// <summary>Registers a <see cref="DatasetsClient"/> for a Foundry project with the given credential.</summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="endpoint">The project endpoint, <c>https://{account}.services.ai.azure.com/api/projects/{project}</c>.</param>
    /// <param name="credential">The Entra ID credential.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="endpoint"/> or <paramref name="credential"/> is null.</exception>
    public static IAzureClientBuilder<DatasetsClient, DatasetsClientOptions> AddDatasetsClient<TBuilder>(this TBuilder builder, Uri endpoint, TokenCredential credential)
        where TBuilder : IAzureClientFactoryBuilder
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(endpoint, nameof(endpoint));
        Argument.AssertNotNull(credential, nameof(credential));
        return builder.RegisterClientFactory<DatasetsClient, DatasetsClientOptions>(options => new DatasetsClient(endpoint, credential, options));
    }

    /// <summary>
    /// Registers a <see cref="DatasetsClient"/> from a configuration section: <c>endpoint</c> (required), the
    /// credential settings Microsoft.Extensions.Azure understands (<c>credential</c>, <c>tenantId</c>, <c>clientId</c>,
    /// <c>clientSecret</c>, ...), and any option (<c>Retry:MaxRetries</c>, <c>ValidateRequests</c>, ...).
    /// </summary>
    /// <typeparam name="TBuilder">The Azure clients builder.</typeparam>
    /// <typeparam name="TConfiguration">The configuration type (<c>IConfiguration</c>).</typeparam>
    /// <param name="builder">The builder passed to <c>AddAzureClients</c>.</param>
    /// <param name="configuration">The configuration section, for example <c>Configuration.GetSection("Datasets")</c>.</param>
    /// <returns>The registration, to name it or configure its options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is null.</exception>
#if NET
    [RequiresUnreferencedCode(ConfigurationBinding.TrimmingMessage)]
    [RequiresDynamicCode(ConfigurationBinding.TrimmingMessage)]
#endif
    public static IAzureClientBuilder<DatasetsClient, DatasetsClientOptions> AddDatasetsClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration)
        where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration>
    {
        Argument.AssertNotNull(builder, nameof(builder));
        Argument.AssertNotNull(configuration, nameof(configuration));
        return builder.RegisterClientFactory<DatasetsClient, DatasetsClientOptions>(configuration);
    }
}
