using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Audits;

/// <summary>The steps of an audit (Redon art. 4.1).</summary>
public enum StatutAudit
{
    Demande,
    Planifie,
    EnCours,
    RapportLivre,
    Annule,
}

/// <summary>
/// The audit of one member's information system (Redon art. 4.1). The delivery of its report is the
/// fact billing reads: it triggers the audit's titre and opens the 6-month deduction window.
/// </summary>
public sealed class Audit : IPerimetreMembre
{
    private Audit()
    {
    }

    /// <summary>A new audit, requested on the given date.</summary>
    public Audit(int membreId, DateOnly demandeLe)
    {
        MembreId = membreId;
        DemandeLe = demandeLe;
        Statut = StatutAudit.Demande;
    }

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public StatutAudit Statut { get; private set; }

    public DateOnly DemandeLe { get; private set; }

    /// <summary>The day the report was delivered to the member, once it is.</summary>
    public DateOnly? RapportLivreLe { get; private set; }

    /// <summary>Minimal delivery of the report (used by the adhésions' demo data and tests until the audit workflow lands).</summary>
    public void LivrerRapport(DateOnly le)
    {
        RapportLivreLe = le;
        Statut = StatutAudit.RapportLivre;
    }
}
