using System.IO.Compression;

namespace Mutualisation.Web.Features.Titres;

/// <summary>One file of a streamed ZIP: its name and how to read its bytes when its turn comes.</summary>
public sealed record EntreeZip(string Nom, Func<CancellationToken, Task<byte[]>> Lire);

/// <summary>
/// Writes a ZIP to a response one entry at a time: an entry's bytes are read when its turn comes, written (stored, not
/// compressed: PDFs already are) and sent before the next is read. Memory: one entry plus the archive's small central
/// directory, whatever the number of entries (ADR 0019).
/// </summary>
public static class ZipEnFlux
{
    /// <returns>The largest number of bytes held at once.</returns>
    public static async Task<long> EcrireAsync(Stream destination, IEnumerable<EntreeZip> entrees, DateTimeOffset date, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(entrees);
        await using var tampon = new TamponVersReponseStream(destination);
        using (var archive = new ZipArchive(tampon, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entree in entrees)
            {
                var octets = await entree.Lire(annulation);
                var fichier = archive.CreateEntry(entree.Nom, CompressionLevel.NoCompression);
                fichier.LastWriteTime = date;
                using (var flux = fichier.Open())
                {
                    flux.Write(octets);
                }

                // This entry (header, bytes, data descriptor) leaves before the next one is read.
                await tampon.ViderAsync(annulation);
            }
        }

        await tampon.ViderAsync(annulation); // the central directory
        return tampon.PlusGrandTampon;
    }
}

/// <summary>
/// A write-only stream that keeps what a synchronous writer (<see cref="System.IO.Compression.ZipArchive"/>) writes until
/// <see cref="ViderAsync"/> sends it, asynchronously, to the response and empties it. The caller empties it after each
/// entry, so it never holds more than one titre's PDF (ADR 0019). Not seekable: the archive writes data descriptors.
/// </summary>
internal sealed class TamponVersReponseStream(Stream destination) : Stream
{
    private readonly MemoryStream _tampon = new();
    private long _ecrits;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _ecrits;
        set => throw new NotSupportedException();
    }

    /// <summary>The largest number of bytes held at once (the measured bound of the tests).</summary>
    public long PlusGrandTampon { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _tampon.Write(buffer);
        _ecrits += buffer.Length;
        PlusGrandTampon = Math.Max(PlusGrandTampon, _tampon.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends what is held to the response and forgets it.</summary>
    public async Task ViderAsync(CancellationToken annulation)
    {
        if (_tampon.Length == 0)
        {
            return;
        }

        await destination.WriteAsync(_tampon.GetBuffer().AsMemory(0, (int)_tampon.Length), annulation);
        await destination.FlushAsync(annulation);
        _tampon.SetLength(0);
        if (_tampon.Capacity > 4 * 1024 * 1024)
        {
            _tampon.Capacity = 64 * 1024; // a large PDF does not keep its buffer for the next ones
        }
    }

    public override void Flush()
    {
        // Sent by ViderAsync only (a synchronous write to the response is refused).
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tampon.Dispose();
        }

        base.Dispose(disposing);
    }
}
