using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// An SMTP server for tests, on 127.0.0.1 and a free port, that speaks just enough of the protocol (EHLO/HELO, MAIL,
/// RCPT, DATA, RSET, NOOP, QUIT) and keeps each message it accepts. It can refuse a recipient once (451, temporary) or
/// always (550), to prove the sender's retries.
/// </summary>
public sealed class PuitsSmtp : IAsyncDisposable
{
    private readonly TcpListener _ecoute;
    private readonly CancellationTokenSource _arret = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, bool> _dejaRefuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _refuserUneFois;
    private readonly string? _refuserToujours;
    private readonly Task _boucle;

    private PuitsSmtp(string? refuserUneFois, string? refuserToujours)
    {
        _refuserUneFois = refuserUneFois;
        _refuserToujours = refuserToujours;
        _ecoute = new TcpListener(IPAddress.Loopback, 0);
        _ecoute.Start();
        _boucle = AccepterAsync();
    }

    public int Port => ((IPEndPoint)_ecoute.LocalEndpoint).Port;

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public static PuitsSmtp Demarrer(string? refuserUneFois = null, string? refuserToujours = null) => new(refuserUneFois, refuserToujours);

    private async Task AccepterAsync()
    {
        while (!_arret.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _ecoute.AcceptTcpClientAsync(_arret.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServirAsync(client));
        }
    }

    private async Task ServirAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var flux = client.GetStream();
                using var lecteur = new StreamReader(flux, Encoding.ASCII);
                await using var ecrivain = new StreamWriter(flux, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await ecrivain.WriteLineAsync("220 puits.test ESMTP");
                var destinataires = new List<string>();
                while (await lecteur.ReadLineAsync(_arret.Token) is { } ligne)
                {
                    var commande = ligne.Length >= 4 ? ligne[..4].ToUpperInvariant() : ligne.ToUpperInvariant();
                    switch (commande)
                    {
                        case "EHLO" or "HELO":
                            await ecrivain.WriteLineAsync("250 puits.test");
                            break;
                        case "MAIL":
                            destinataires.Clear();
                            await ecrivain.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            var adresse = ligne[(ligne.IndexOf('<', StringComparison.Ordinal) + 1)..ligne.LastIndexOf('>')];
                            if (string.Equals(adresse, _refuserToujours, StringComparison.OrdinalIgnoreCase))
                            {
                                await ecrivain.WriteLineAsync("550 5.1.1 Boite inconnue");
                            }
                            else if (string.Equals(adresse, _refuserUneFois, StringComparison.OrdinalIgnoreCase) && _dejaRefuses.TryAdd(adresse, true))
                            {
                                await ecrivain.WriteLineAsync("451 4.3.0 Reessayez plus tard");
                            }
                            else
                            {
                                destinataires.Add(adresse);
                                await ecrivain.WriteLineAsync("250 2.1.5 OK");
                            }

                            break;
                        case "DATA":
                            await ecrivain.WriteLineAsync("354 Fin par <CRLF>.<CRLF>");
                            var corps = new StringBuilder();
                            while (await lecteur.ReadLineAsync(_arret.Token) is { } donnee && donnee != ".")
                            {
                                corps.Append(donnee.StartsWith("..", StringComparison.Ordinal) ? donnee[1..] : donnee).Append("\r\n");
                            }

                            using (var memoire = new MemoryStream(Encoding.ASCII.GetBytes(corps.ToString())))
                            {
                                _messages.Enqueue(await MimeMessage.LoadAsync(memoire));
                            }

                            await ecrivain.WriteLineAsync("250 2.0.0 Accepte");
                            break;
                        case "RSET" or "NOOP":
                            await ecrivain.WriteLineAsync("250 OK");
                            break;
                        case "QUIT":
                            await ecrivain.WriteLineAsync("221 Au revoir");
                            return;
                        default:
                            await ecrivain.WriteLineAsync("502 Commande inconnue");
                            break;
                    }
                }
            }
            catch (IOException)
            {
                // The client went away.
            }
            catch (OperationCanceledException)
            {
                // The sink stops.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _arret.CancelAsync();
        _ecoute.Stop();
        await _boucle;
        _arret.Dispose();
    }
}
