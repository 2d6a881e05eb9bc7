namespace GuidelineBot.Search;

/// <summary>One stage of the cascade: a rank score that orders the candidates, and a logistic confidence.</summary>
/// <param name="CloseCallMargin">
/// A runner-up within this many rank points of the best is a close call, offered as "did you mean" (fitted: within it
/// the runner-up was the right section in at least a quarter of the training cases).
/// </param>
public sealed record StageModel(LinearModel Rank, LinearModel Confidence, double CloseCallMargin);
