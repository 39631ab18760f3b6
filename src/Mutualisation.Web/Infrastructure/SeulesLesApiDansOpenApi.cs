using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Mutualisation.Web.Infrastructure;

/// <summary>Only [ApiController]s appear in the OpenAPI document; the HTML pages do not.</summary>
public sealed class SeulesLesApiDansOpenApi : IControllerModelConvention
{
    public void Apply(ControllerModel controller) =>
        controller.ApiExplorer.IsVisible = controller.Attributes.OfType<ApiControllerAttribute>().Any();
}
