// Start-up project for dotnet-ef; nothing runs here.
System.Console.WriteLine("Outil de conception des migrations : voir docs/architecture.md.");
