namespace Mutualisation.Persistence.Titres;

/// <summary>
/// The database's own guard of issued titres: an UPDATE or a DELETE of an issued titre, of its lines or of its
/// history fails there, whatever the code does (a script, a console, a bug). One script per provider, called by
/// the migration « TitresDeRecette » of each provider (keep the call when migrations are regenerated: a test checks
/// that each provider's migration script creates these triggers).
/// </summary>
public static class DeclencheursTitres
{
    public const string TitresMaj = "TR_TitresRecette_Immuable_Maj";
    public const string TitresSuppr = "TR_TitresRecette_Immuable_Suppr";
    public const string LignesAjout = "TR_LignesTitres_Immuable_Ajout";
    public const string LignesMaj = "TR_LignesTitres_Immuable_Maj";
    public const string LignesSuppr = "TR_LignesTitres_Immuable_Suppr";
    public const string EvenementsMaj = "TR_EvenementsTitres_Immuable";
    public const string EvenementsSuppr = "TR_EvenementsTitres_Immuable_Suppr";
    public const string BordereauxMaj = "TR_Bordereaux_Immuable_Maj";
    public const string BordereauxSuppr = "TR_Bordereaux_Immuable_Suppr";
    public const string PiecesAjout = "TR_PiecesJustificatives_Immuable_Ajout";
    public const string PiecesMaj = "TR_PiecesJustificatives_Immuable_Maj";
    public const string PiecesSuppr = "TR_PiecesJustificatives_Immuable_Suppr";
    public const string AvisAjout = "TR_AvisTitres_Ajout";
    public const string AvisMaj = "TR_AvisTitres_Immuable_Maj";
    public const string AvisSuppr = "TR_AvisTitres_Immuable_Suppr";

    /// <summary>The message every provider raises (tests look for it).</summary>
    public const string Message = "Titre de recette émis : il est immuable (une correction passe par un titre d’annulation ou de réduction).";

    /// <summary>The message of the avis' guard (an avis is inserted once, for an issued titre, and never changes).</summary>
    public const string MessageAvis = "Avis des sommes à payer : il s’enregistre une fois, pour un titre émis, et ne change plus.";

    /// <summary>The message of the bordereau's guard (a bordereau is only ever inserted, by the issuing transaction).</summary>
    public const string MessageBordereau = "Bordereau de titres émis : il est immuable (ni son numéro, ni sa date, ni son signataire ne changent).";

    public const string Sqlite = $"""
        CREATE TRIGGER "{TitresMaj}" BEFORE UPDATE ON "TitresRecette" WHEN OLD."Statut" <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{TitresSuppr}" BEFORE DELETE ON "TitresRecette" WHEN OLD."Statut" <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{LignesAjout}" BEFORE INSERT ON "LignesTitres"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = NEW."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{LignesMaj}" BEFORE UPDATE ON "LignesTitres"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = OLD."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{LignesSuppr}" BEFORE DELETE ON "LignesTitres"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = OLD."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{EvenementsMaj}" BEFORE UPDATE ON "EvenementsTitres"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string SqliteRetrait = $"""
        DROP TRIGGER IF EXISTS "{TitresMaj}"; DROP TRIGGER IF EXISTS "{TitresSuppr}"; DROP TRIGGER IF EXISTS "{LignesAjout}";
        DROP TRIGGER IF EXISTS "{LignesMaj}"; DROP TRIGGER IF EXISTS "{LignesSuppr}"; DROP TRIGGER IF EXISTS "{EvenementsMaj}";
        """;

    public const string Postgres = $$"""
        CREATE FUNCTION titres_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF OLD."Statut" <> 'Brouillon' THEN
                RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $f$;
        CREATE FUNCTION lignes_titres_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE statut text;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = NEW."TitreId";
            ELSE
                SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = OLD."TitreId";
            END IF;
            IF statut IS NOT NULL AND statut <> 'Brouillon' THEN
                RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $f$;
        CREATE FUNCTION evenements_titres_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
        END $f$;
        CREATE TRIGGER "{{TitresMaj}}" BEFORE UPDATE ON "TitresRecette" FOR EACH ROW EXECUTE FUNCTION titres_immuables();
        CREATE TRIGGER "{{TitresSuppr}}" BEFORE DELETE ON "TitresRecette" FOR EACH ROW EXECUTE FUNCTION titres_immuables();
        CREATE TRIGGER "{{LignesAjout}}" BEFORE INSERT ON "LignesTitres" FOR EACH ROW EXECUTE FUNCTION lignes_titres_immuables();
        CREATE TRIGGER "{{LignesMaj}}" BEFORE UPDATE ON "LignesTitres" FOR EACH ROW EXECUTE FUNCTION lignes_titres_immuables();
        CREATE TRIGGER "{{LignesSuppr}}" BEFORE DELETE ON "LignesTitres" FOR EACH ROW EXECUTE FUNCTION lignes_titres_immuables();
        CREATE TRIGGER "{{EvenementsMaj}}" BEFORE UPDATE ON "EvenementsTitres" FOR EACH ROW EXECUTE FUNCTION evenements_titres_immuables();
        """;

    public const string PostgresRetrait = """
        DROP FUNCTION IF EXISTS titres_immuables() CASCADE;
        DROP FUNCTION IF EXISTS lignes_titres_immuables() CASCADE;
        DROP FUNCTION IF EXISTS evenements_titres_immuables() CASCADE;
        """;

    /// <summary>SQL Server: AFTER triggers that THROW roll the statement back (one batch each: CREATE TRIGGER must start its batch).</summary>
    public static readonly string[] SqlServer =
    [
        $"""
        CREATE TRIGGER [{TitresMaj}] ON [TitresRecette] AFTER UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM deleted WHERE [Statut] <> N'Brouillon')
                THROW 51000, N'{Message.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
        $"""
        CREATE TRIGGER [{LignesMaj}] ON [LignesTitres] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM [TitresRecette] t
                       WHERE t.[Statut] <> N'Brouillon'
                         AND (t.[Id] IN (SELECT [TitreId] FROM deleted) OR t.[Id] IN (SELECT [TitreId] FROM inserted)))
                THROW 51000, N'{Message.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
        $"""
        CREATE TRIGGER [{EvenementsMaj}] ON [EvenementsTitres] AFTER UPDATE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM deleted)
                THROW 51000, N'{Message.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
    ];

    public const string SqlServerRetrait = $"""
        DROP TRIGGER IF EXISTS [{TitresMaj}]; DROP TRIGGER IF EXISTS [{LignesMaj}]; DROP TRIGGER IF EXISTS [{EvenementsMaj}];
        """;

    // Second migration « TitresHistoriqueEtBordereauxImmuables »: the history of an issued titre cannot be deleted
    // (only a draft's, or a draft's being deleted: the parent's status is then NULL or « Brouillon »), and a
    // bordereau, only ever inserted by the issuing transaction, refuses every UPDATE and DELETE.

    public const string SqliteComplement = $"""
        CREATE TRIGGER "{EvenementsSuppr}" BEFORE DELETE ON "EvenementsTitres"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = OLD."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{BordereauxMaj}" BEFORE UPDATE ON "Bordereaux"
        BEGIN SELECT RAISE(ABORT, '{MessageBordereau}'); END;
        CREATE TRIGGER "{BordereauxSuppr}" BEFORE DELETE ON "Bordereaux"
        BEGIN SELECT RAISE(ABORT, '{MessageBordereau}'); END;
        """;

    public const string SqliteComplementRetrait = $"""
        DROP TRIGGER IF EXISTS "{EvenementsSuppr}"; DROP TRIGGER IF EXISTS "{BordereauxMaj}"; DROP TRIGGER IF EXISTS "{BordereauxSuppr}";
        """;

    public const string PostgresComplement = $$"""
        CREATE FUNCTION evenements_titres_suppression() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE statut text;
        BEGIN
            SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = OLD."TitreId";
            IF statut IS NOT NULL AND statut <> 'Brouillon' THEN
                RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
            END IF;
            RETURN OLD;
        END $f$;
        CREATE FUNCTION bordereaux_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION '{{MessageBordereau}}' USING ERRCODE = '23514';
        END $f$;
        CREATE TRIGGER "{{EvenementsSuppr}}" BEFORE DELETE ON "EvenementsTitres" FOR EACH ROW EXECUTE FUNCTION evenements_titres_suppression();
        CREATE TRIGGER "{{BordereauxMaj}}" BEFORE UPDATE ON "Bordereaux" FOR EACH ROW EXECUTE FUNCTION bordereaux_immuables();
        CREATE TRIGGER "{{BordereauxSuppr}}" BEFORE DELETE ON "Bordereaux" FOR EACH ROW EXECUTE FUNCTION bordereaux_immuables();
        """;

    public const string PostgresComplementRetrait = """
        DROP FUNCTION IF EXISTS evenements_titres_suppression() CASCADE;
        DROP FUNCTION IF EXISTS bordereaux_immuables() CASCADE;
        """;

    /// <summary>SQL Server: one batch per trigger; a cascade from a deleted draft finds no issued parent.</summary>
    public static readonly string[] SqlServerComplement =
    [
        $"""
        CREATE TRIGGER [{EvenementsSuppr}] ON [EvenementsTitres] AFTER DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM [TitresRecette] t
                       WHERE t.[Statut] <> N'Brouillon' AND t.[Id] IN (SELECT [TitreId] FROM deleted))
                THROW 51000, N'{Message.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
        $"""
        CREATE TRIGGER [{BordereauxMaj}] ON [Bordereaux] AFTER UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM deleted)
                THROW 51000, N'{MessageBordereau.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
    ];

    public const string SqlServerComplementRetrait = $"""
        DROP TRIGGER IF EXISTS [{EvenementsSuppr}]; DROP TRIGGER IF EXISTS [{BordereauxMaj}];
        """;

    // Third migration « PiecesJustificatives »: a titre's pièces justificatives (the paid invoice of a mandataire
    // reimbursement) follow their titre, as its lines do: added, changed or deleted only while it is a draft.

    public const string SqlitePieces = $"""
        CREATE TRIGGER "{PiecesAjout}" BEFORE INSERT ON "PiecesJustificatives"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = NEW."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{PiecesMaj}" BEFORE UPDATE ON "PiecesJustificatives"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = OLD."TitreId") <> 'Brouillon'
          OR (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = NEW."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "{PiecesSuppr}" BEFORE DELETE ON "PiecesJustificatives"
        WHEN (SELECT "Statut" FROM "TitresRecette" WHERE "Id" = OLD."TitreId") <> 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string SqlitePiecesRetrait = $"""
        DROP TRIGGER IF EXISTS "{PiecesAjout}"; DROP TRIGGER IF EXISTS "{PiecesMaj}"; DROP TRIGGER IF EXISTS "{PiecesSuppr}";
        """;

    public const string PostgresPieces = $$"""
        CREATE FUNCTION pieces_justificatives_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE statut text;
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = OLD."TitreId";
                IF statut IS NOT NULL AND statut <> 'Brouillon' THEN
                    RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
                END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = NEW."TitreId";
                IF statut IS NOT NULL AND statut <> 'Brouillon' THEN
                    RAISE EXCEPTION '{{Message}}' USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END IF;
            RETURN OLD;
        END $f$;
        CREATE TRIGGER "{{PiecesAjout}}" BEFORE INSERT ON "PiecesJustificatives" FOR EACH ROW EXECUTE FUNCTION pieces_justificatives_immuables();
        CREATE TRIGGER "{{PiecesMaj}}" BEFORE UPDATE ON "PiecesJustificatives" FOR EACH ROW EXECUTE FUNCTION pieces_justificatives_immuables();
        CREATE TRIGGER "{{PiecesSuppr}}" BEFORE DELETE ON "PiecesJustificatives" FOR EACH ROW EXECUTE FUNCTION pieces_justificatives_immuables();
        """;

    public const string PostgresPiecesRetrait = """
        DROP FUNCTION IF EXISTS pieces_justificatives_immuables() CASCADE;
        """;

    /// <summary>SQL Server: one AFTER trigger for the three operations (a cascade from a deleted draft finds no issued parent).</summary>
    public static readonly string[] SqlServerPieces =
    [
        $"""
        CREATE TRIGGER [{PiecesMaj}] ON [PiecesJustificatives] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM [TitresRecette] t
                       WHERE t.[Statut] <> N'Brouillon'
                         AND (t.[Id] IN (SELECT [TitreId] FROM deleted) OR t.[Id] IN (SELECT [TitreId] FROM inserted)))
                THROW 51000, N'{Message.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
    ];

    public const string SqlServerPiecesRetrait = $"""
        DROP TRIGGER IF EXISTS [{PiecesMaj}];
        """;

    // Fourth migration « AvisDesTitres » (ADR 0026): the avis leaves the titre's row for its own table, written after the
    // issue; a row goes in only for an issued titre, and never changes or leaves.

    public const string SqliteAvis = $"""
        CREATE TRIGGER "{AvisAjout}" BEFORE INSERT ON "AvisTitres"
        WHEN COALESCE((SELECT "Statut" FROM "TitresRecette" WHERE "Id" = NEW."TitreId"), 'Brouillon') = 'Brouillon'
        BEGIN SELECT RAISE(ABORT, '{MessageAvis}'); END;
        CREATE TRIGGER "{AvisMaj}" BEFORE UPDATE ON "AvisTitres"
        BEGIN SELECT RAISE(ABORT, '{MessageAvis}'); END;
        CREATE TRIGGER "{AvisSuppr}" BEFORE DELETE ON "AvisTitres"
        BEGIN SELECT RAISE(ABORT, '{MessageAvis}'); END;
        """;

    public const string SqliteAvisRetrait = $"""
        DROP TRIGGER IF EXISTS "{AvisAjout}"; DROP TRIGGER IF EXISTS "{AvisMaj}"; DROP TRIGGER IF EXISTS "{AvisSuppr}";
        """;

    public const string PostgresAvis = $$"""
        CREATE FUNCTION avis_titres_immuables() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE statut text;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                SELECT "Statut" INTO statut FROM "TitresRecette" WHERE "Id" = NEW."TitreId";
                IF statut IS NOT NULL AND statut <> 'Brouillon' THEN
                    RETURN NEW;
                END IF;
            END IF;
            RAISE EXCEPTION '{{MessageAvis}}' USING ERRCODE = '23514';
        END $f$;
        CREATE TRIGGER "{{AvisAjout}}" BEFORE INSERT ON "AvisTitres" FOR EACH ROW EXECUTE FUNCTION avis_titres_immuables();
        CREATE TRIGGER "{{AvisMaj}}" BEFORE UPDATE ON "AvisTitres" FOR EACH ROW EXECUTE FUNCTION avis_titres_immuables();
        CREATE TRIGGER "{{AvisSuppr}}" BEFORE DELETE ON "AvisTitres" FOR EACH ROW EXECUTE FUNCTION avis_titres_immuables();
        """;

    public const string PostgresAvisRetrait = """
        DROP FUNCTION IF EXISTS avis_titres_immuables() CASCADE;
        """;

    /// <summary>SQL Server: one AFTER trigger for the three operations.</summary>
    public static readonly string[] SqlServerAvis =
    [
        $"""
        CREATE TRIGGER [{AvisMaj}] ON [AvisTitres] AFTER INSERT, UPDATE, DELETE AS
        BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM deleted)
               OR EXISTS (SELECT 1 FROM inserted i LEFT JOIN [TitresRecette] t ON t.[Id] = i.[TitreId]
                          WHERE t.[Id] IS NULL OR t.[Statut] = N'Brouillon')
                THROW 51000, N'{MessageAvis.Replace("'", "''", StringComparison.Ordinal)}', 1;
        END
        """,
    ];

    public const string SqlServerAvisRetrait = $"""
        DROP TRIGGER IF EXISTS [{AvisMaj}];
        """;
}
