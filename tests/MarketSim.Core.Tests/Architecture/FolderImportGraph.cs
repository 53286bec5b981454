using System.Text.RegularExpressions;

namespace MarketSim.Core.Tests.Architecture;

/// <summary>
/// Folder-level import graph of a C# source tree: folder A depends on folder B when a file of A names a
/// type declared in a file of B and B's namespace is visible there (the same or a parent namespace, a
/// <c>using</c>, or a qualified name). Comments and string literals are ignored. The folders are the
/// architecture (docs/architecture.md, "Layers"), so this graph must have no cycle.
/// </summary>
internal sealed partial class FolderImportGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    private FolderImportGraph(IReadOnlyList<SourceFile> files)
    {
        var declaringFiles = new Dictionary<string, List<SourceFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _edges.TryAdd(file.Folder, new HashSet<string>(StringComparer.Ordinal));
            foreach (var type in file.DeclaredTypes)
            {
                if (!declaringFiles.TryGetValue(type, out var list))
                {
                    declaringFiles[type] = list = [];
                }

                list.Add(file);
            }
        }

        foreach (var file in files)
        {
            var visible = file.VisibleNamespaces();
            foreach (var name in file.NamedTypes.Except(file.DeclaredTypes))
            {
                if (!declaringFiles.TryGetValue(name, out var declarations))
                {
                    continue;
                }

                foreach (var declaration in declarations)
                {
                    if (declaration != file && declaration.Folder != file.Folder &&
                        (visible.Contains(declaration.Namespace) || file.Code.Contains(declaration.Namespace + "." + name, StringComparison.Ordinal)))
                    {
                        _edges[file.Folder].Add(declaration.Folder);
                    }
                }
            }
        }
    }

    /// <summary>The graph of every <c>.cs</c> file under <paramref name="projectDirectory"/> (bin/ and obj/ excluded).</summary>
    public static FolderImportGraph OfProject(string projectDirectory) =>
        new(Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(projectDirectory, path)))
            .Select(path => SourceFile.Parse(Path.GetRelativePath(projectDirectory, Path.GetDirectoryName(path)!), File.ReadAllText(path)))
            .ToList());

    /// <summary>The graph of in-memory sources given as (folder, text) pairs.</summary>
    public static FolderImportGraph Of(IEnumerable<(string Folder, string Text)> sources) =>
        new(sources.Select(source => SourceFile.Parse(source.Folder, source.Text)).ToList());

    /// <summary>Every strongly connected set of two or more folders (Tarjan), each sorted, as "A <-> B".</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<string>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in _edges[folder].Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], index[next]);
                }
            }

            if (low[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != folder);

                if (component.Count > 1)
                {
                    cycles.Add(string.Join(" <-> ", component.Order(StringComparer.Ordinal)));
                }
            }
        }

        foreach (var folder in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return cycles;
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private sealed partial record SourceFile(string Folder, string Namespace, IReadOnlyList<string> Usings, string Code,
        IReadOnlySet<string> DeclaredTypes, IReadOnlySet<string> NamedTypes)
    {
        public static SourceFile Parse(string folder, string text)
        {
            var code = StringLiteral().Replace(BlockComment().Replace(LineComment().Replace(text, ""), ""), "\"\"");
            var namespaceMatch = NamespaceDeclaration().Match(text);
            return new SourceFile(
                folder,
                namespaceMatch.Success ? namespaceMatch.Groups[1].Value : "",
                UsingDirective().Matches(text).Select(match => match.Groups[1].Value).ToList(),
                code,
                TypeDeclaration().Matches(code).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal),
                CapitalisedName().Matches(code).Select(match => match.Value).ToHashSet(StringComparer.Ordinal));
        }

        /// <summary>The own namespace, its parents and the imported namespaces.</summary>
        public HashSet<string> VisibleNamespaces()
        {
            var visible = new HashSet<string>(Usings, StringComparer.Ordinal) { Namespace };
            var parts = Namespace.Split('.');
            for (var length = 1; length < parts.Length; length++)
            {
                visible.Add(string.Join('.', parts.Take(length)));
            }

            return visible;
        }

        [GeneratedRegex(@"//[^\n]*")]
        private static partial Regex LineComment();

        [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
        private static partial Regex BlockComment();

        [GeneratedRegex(@"@?\$?""(?:[^""\\\n]|\\.)*""")]
        private static partial Regex StringLiteral();

        [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex NamespaceDeclaration();

        [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
        private static partial Regex UsingDirective();

        [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?([A-Z]\w*)")]
        private static partial Regex TypeDeclaration();

        [GeneratedRegex(@"\b[A-Z]\w*\b")]
        private static partial Regex CapitalisedName();
    }
}
