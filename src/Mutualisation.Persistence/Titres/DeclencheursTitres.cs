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

    /// <summary>The message every provider raises (tests look for it).</summary>
    public const string Message = "Titre de recette émis : il est immuable (une correction passe par un titre d’annulation ou de réduction).";

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
}
