namespace Foundry.Training.Testing;

/// <summary>One service behind the emulator's endpoint.</summary>
internal interface IEmulatedService
{
    /// <summary>Serves a request whose path segments are relative to the service's root.</summary>
    ServiceResponse Handle(ServiceRequest request);
}
