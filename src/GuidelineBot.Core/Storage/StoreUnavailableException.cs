namespace GuidelineBot.Core.Storage;

/// <summary>
/// The store could not be reached or did not answer (the database is down, locked, out of disk, or silent), as opposed
/// to one that refused the work itself: trying the same work again later can succeed. Thrown by the store where the
/// driver's own error says so.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception innerException) : Exception(message, innerException);
