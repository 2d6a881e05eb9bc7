using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GuidelineBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
