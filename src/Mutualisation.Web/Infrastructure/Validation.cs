using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mutualisation.Web.Infrastructure;

public static class Validation
{
    /// <summary>Puts FluentValidation's messages beside their fields; returns whether the model is valid.</summary>
    public static bool CopierDans(this ValidationResult resultat, ModelStateDictionary modelState)
    {
        foreach (var erreur in resultat.Errors)
        {
            modelState.AddModelError(erreur.PropertyName, erreur.ErrorMessage);
        }

        return modelState.IsValid;
    }
}
