#nullable enable
// Compiled twice: by MSBuild's RoslynCodeTaskFactory (LibTorchSharpFix.targets) as a build task, and into
// the tests (with GAN_NO_MSBUILD defined, leaving out the MSBuild task class).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GanNotebooks.Build
{
    /// <summary>
    /// Marks one GLIBCXX version requirement of an ELF64 shared library as weak (VER_FLG_WEAK in its
    /// <c>.gnu.version_r</c> entry), so that the dynamic loader accepts an older libstdc++ that lacks it.
    /// TorchSharp's <c>libLibTorchSharp.so</c> needs GLIBCXX_3.4.32 for one symbol
    /// (<c>_ZSt21ios_base_library_initv</c>) that an older libstdc++ does not need; Debian 12 and
    /// Ubuntu 22.04 ship 3.4.30. Used by the build of every project that carries TorchSharp's natives.
    /// </summary>
    public static class GlibcxxVersionNeedWeakener
    {
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlgWeak = 0x2;

        /// <summary>One version requirement as found in a library's version-need section.</summary>
        public sealed class VersionNeed
        {
            /// <summary>The library the version comes from, e.g. libstdc++.so.6.</summary>
            public string File = "";
            /// <summary>The version name, e.g. GLIBCXX_3.4.32.</summary>
            public string Name = "";
            /// <summary>The entry's flags (2 means weak).</summary>
            public ushort Flags;
            /// <summary>Where the flags sit in the file.</summary>
            public long FlagsOffset;
        }

        /// <summary>Reads every version requirement of an ELF64 little-endian shared library.</summary>
        public static List<VersionNeed> ReadVersionNeeds(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
            long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
            int shentsize = BitConverter.ToUInt16(elf, 0x3A);
            int shnum = BitConverter.ToUInt16(elf, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > elf.Length)
                throw new InvalidDataException("section headers lie outside the file");
            var needs = new List<VersionNeed>();
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
                long offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
                uint link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
                uint count = BitConverter.ToUInt32(elf, (int)sh + 0x2C);
                long strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
                long entry = offset;
                for (uint n = 0; n < count; n++)
                {
                    ushort auxCount = BitConverter.ToUInt16(elf, (int)entry + 2);
                    string file = ReadString(elf, strtab + BitConverter.ToUInt32(elf, (int)entry + 4));
                    long aux = entry + BitConverter.ToUInt32(elf, (int)entry + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        needs.Add(new VersionNeed
                        {
                            File = file,
                            Name = ReadString(elf, strtab + BitConverter.ToUInt32(elf, (int)aux + 8)),
                            Flags = BitConverter.ToUInt16(elf, (int)aux + 4),
                            FlagsOffset = aux + 4,
                        });
                        aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                    }
                    uint next = BitConverter.ToUInt32(elf, (int)entry + 12);
                    if (next == 0) break;
                    entry += next;
                }
            }
            return needs;
        }

        /// <summary>Sets the weak flag on the named version requirement; returns false when the library does not need it.</summary>
        public static bool MarkWeak(byte[] elf, string versionName)
        {
            bool found = false;
            foreach (var need in ReadVersionNeeds(elf))
            {
                if (need.Name != versionName) continue;
                ushort flags = (ushort)(need.Flags | VerFlgWeak);
                elf[need.FlagsOffset] = (byte)(flags & 0xff);
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                found = true;
            }
            return found;
        }

        /// <summary>The GLIBCXX_* version names a libstdc++ provides (read from its bytes).</summary>
        public static HashSet<string> ProvidedGlibcxxVersions(byte[] libstdcxx)
        {
            var versions = new HashSet<string>(StringComparer.Ordinal);
            byte[] prefix = Encoding.ASCII.GetBytes("GLIBCXX_");
            for (int i = 0; i + prefix.Length < libstdcxx.Length; i++)
            {
                if (libstdcxx[i] != prefix[0] || (i > 0 && libstdcxx[i - 1] != 0)) continue;
                int j = 0;
                while (j < prefix.Length && libstdcxx[i + j] == prefix[j]) j++;
                if (j < prefix.Length) continue;
                int end = i + j;
                while (end < libstdcxx.Length && (char.IsDigit((char)libstdcxx[end]) || libstdcxx[end] == '.')) end++;
                if (end < libstdcxx.Length && libstdcxx[end] == 0 && end > i + j)
                    versions.Add(Encoding.ASCII.GetString(libstdcxx, i, end - i));
            }
            return versions;
        }

        /// <summary>
        /// Decides what to do for a library on this system: the GLIBCXX versions it needs (not weak) that the
        /// system's libstdc++ lacks.
        /// </summary>
        public static List<string> MissingVersions(byte[] elf, HashSet<string> provided)
        {
            var missing = new List<string>();
            foreach (var need in ReadVersionNeeds(elf))
                if (need.Name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && (need.Flags & VerFlgWeak) == 0
                    && !provided.Contains(need.Name) && !missing.Contains(need.Name))
                    missing.Add(need.Name);
            return missing;
        }

        private static string ReadString(byte[] elf, long offset)
        {
            long end = offset;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)offset, (int)(end - offset));
        }
    }

#if !GAN_NO_MSBUILD
    /// <summary>
    /// Build task: where the system's libstdc++ lacks GLIBCXX_3.4.32, replaces the copied libLibTorchSharp.so
    /// in the output folder by a copy whose requirement of that version is weak. Changes nothing elsewhere.
    /// </summary>
    public class FixLibTorchSharpForOldLibstdcxx : Microsoft.Build.Utilities.Task
    {
        /// <summary>Every libLibTorchSharp.so copied into the output.</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <summary>Candidate paths of the system's libstdc++.so.6; the first that exists is read.</summary>
        public string[] LibstdcxxCandidates { get; set; } = Array.Empty<string>();

        /// <inheritdoc />
        public override bool Execute()
        {
            string? system = null;
            foreach (var c in LibstdcxxCandidates) if (File.Exists(c)) { system = c; break; }
            if (system == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "No system libstdc++.so.6 found; libLibTorchSharp.so left as shipped.");
                return true;
            }
            var provided = GlibcxxVersionNeedWeakener.ProvidedGlibcxxVersions(File.ReadAllBytes(system));
            foreach (var item in Libraries)
            {
                string path = item.ItemSpec;
                byte[] elf = File.ReadAllBytes(path);
                var missing = GlibcxxVersionNeedWeakener.MissingVersions(elf, provided);
                if (missing.Count == 0) continue;
                if (missing.Count != 1 || missing[0] != "GLIBCXX_3.4.32")
                {
                    Log.LogError($"{path} needs {string.Join(", ", missing)}, which {system} lacks. Only GLIBCXX_3.4.32 can be relaxed safely; install a newer libstdc++6 (Debian 13, Ubuntu 24.04 or newer).");
                    return false;
                }
                GlibcxxVersionNeedWeakener.MarkWeak(elf, "GLIBCXX_3.4.32");
                // The output file may be a hard link into the NuGet cache: write a new file, never in place.
                string temp = path + ".tmp-fix";
                File.WriteAllBytes(temp, elf);
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"GanNotebooks: {system} lacks GLIBCXX_3.4.32; marked that requirement weak in {path}.");
            }
            return true;
        }
    }
#endif
}
