using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.UnitTests.Experts;

/// <summary>The ticket store, outbox and suggestions in memory, with the contracts' semantics (one lock instead of a database).</summary>
internal sealed class MemoryExpertStore : ITicketStore, IExpertOutbox, ISuggestionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Ticket> _tickets = [];
    private readonly Dictionary<string, string> _openKeys = [];
    private readonly HashSet<string> _answerKeys = [];
    private readonly Dictionary<string, (ExpertJob Job, DateTimeOffset? Lease, DateTimeOffset? Done, string? Error)> _jobs = [];
    private readonly Dictionary<string, KnowledgeSuggestion> _suggestions = [];

    public IReadOnlyList<ExpertJob> Jobs { get { lock (_gate) { return _jobs.Values.Select(j => j.Job).ToArray(); } } }

    public int PendingJobs { get { lock (_gate) { return _jobs.Values.Count(j => j.Done is null); } } }

    /// <summary>How many of the next enqueues fail (the database went away after the ticket or answer was stored).</summary>
    public int FailNextEnqueues { get; set; }

    /// <summary>How many of the next job completions fail (the post was made, then the database went away).</summary>
    public int FailNextCompletions { get; set; }

    public Task<(Ticket Ticket, bool Created)> OpenAsync(Ticket ticket, string dedupeKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_openKeys.TryGetValue(dedupeKey, out var id) && _tickets[id].Answers.Count == 0)
            {
                return Task.FromResult((_tickets[id], false));
            }

            _tickets[ticket.Id] = ticket;
            _openKeys[dedupeKey] = ticket.Id;
            return Task.FromResult((ticket, true));
        }
    }

    public Task<Ticket?> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tickets.GetValueOrDefault(ticketId));
        }
    }

    public Task<Ticket?> FindByPostAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tickets.Values.FirstOrDefault(t => t.Posts.Contains(new TicketPost(channel, conversationId, messageId))));
        }
    }

    public Task AddPostAsync(string ticketId, TicketPost post, CancellationToken cancellationToken) => Change(ticketId, t =>
        t.Posts.Contains(post) ? t : t with { Posts = [.. t.Posts, post] });

    public Task<bool> AssignAsync(string ticketId, ExpertRef expert, ExpertRef? from, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_tickets.TryGetValue(ticketId, out var t) || expert.IsSamePerson(from)
                || (from is null ? t.AssignedTo is not null : !from.IsSamePerson(t.AssignedTo)))
            {
                return Task.FromResult(false);
            }

            _tickets[ticketId] = t with { AssignedTo = expert, AssignedAt = at };
            return Task.FromResult(true);
        }
    }

    public Task<bool> AddAnswerAsync(TicketAnswer answer, string dedupeKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_tickets.TryGetValue(answer.TicketId, out var t) || !_answerKeys.Add(dedupeKey))
            {
                return Task.FromResult(false);
            }

            _tickets[t.Id] = t with { Answers = [.. t.Answers, answer] };
            return Task.FromResult(true);
        }
    }

    public Task MarkDeliveredAsync(string answerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var t in _tickets.Values.Where(t => t.Answers.Any(a => a.Id == answerId)).ToArray())
            {
                _tickets[t.Id] = t with { Answers = t.Answers.Select(a => a.Id == answerId ? a with { DeliveredAt = at } : a).ToArray() };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(Ticket Ticket, TicketAnswer Answer)>> TakeUndeliveredAsync(string channel, string? tenantId, string userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var taken = _tickets.Values.Where(t => t.Asker.Channel == channel && t.Asker.TenantId == tenantId && t.Asker.UserId == userId)
                .SelectMany(t => t.Answers.Where(a => a.DeliveredAt is null).Select(a => (t, a))).ToArray();
            foreach (var (t, a) in taken)
            {
                var current = _tickets[t.Id];
                _tickets[t.Id] = current with { Answers = current.Answers.Select(x => x.Id == a.Id ? x with { DeliveredAt = now } : x).ToArray() };
            }

            return Task.FromResult<IReadOnlyList<(Ticket, TicketAnswer)>>(taken);
        }
    }

    public Task<IReadOnlyList<Ticket>> ClaimRemindersAsync(DateTimeOffset askedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var due = _tickets.Values.Where(t => t.Answers.Count == 0 && t.RemindedAt is null && t.AskedAt < askedBefore).ToArray();
            foreach (var t in due)
            {
                _tickets[t.Id] = t with { RemindedAt = now };
            }

            return Task.FromResult<IReadOnlyList<Ticket>>(due);
        }
    }

    public Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Ticket>>(_tickets.Values.Where(t => t.AskedAt >= since).OrderByDescending(t => t.AskedAt).ToArray());
        }
    }

    /// <summary>When set, listing unanswered tickets waits for it and then fails as it did (a database that answers late, with an error).</summary>
    public Task? ListUnansweredFailure { get; set; }

    public Task<IReadOnlyList<Ticket>> ListUnansweredAsync(CancellationToken cancellationToken)
    {
        if (ListUnansweredFailure is { } failure)
        {
            return failure.ContinueWith<IReadOnlyList<Ticket>>(f => throw f.Exception!.InnerException!, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Ticket>>(_tickets.Values.Where(t => t.Answers.Count == 0).OrderBy(t => t.AskedAt).ToArray());
        }
    }

    public Task EnqueueAsync(ExpertJob job, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailNextEnqueues > 0)
            {
                FailNextEnqueues--;
                throw new InvalidOperationException("the database is gone");
            }

            _jobs.TryAdd(job.Id, (job, null, null, null));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ExpertJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var due = _jobs.Values.Where(j => j.Done is null && j.Job.DueAt <= now && (j.Lease is null || j.Lease <= now))
                .OrderBy(j => j.Job.DueAt).Take(max).Select(j => j.Job).ToArray();
            foreach (var job in due)
            {
                _jobs[job.Id] = _jobs[job.Id] with { Lease = now + lease };
            }

            return Task.FromResult<IReadOnlyList<ExpertJob>>(due);
        }
    }

    public Task CompleteAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailNextCompletions > 0)
            {
                FailNextCompletions--;
                throw new InvalidOperationException("the database is gone");
            }

            _jobs[jobId] = _jobs[jobId] with { Done = at, Lease = null };
        }

        return Task.CompletedTask;
    }

    public Task RetryAsync(string jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var j = _jobs[jobId];
            _jobs[jobId] = (j.Job with { DueAt = dueAt, Attempts = j.Job.Attempts + 1 }, null, null, error);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReviveAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var j) || j.Done is null)
            {
                return Task.FromResult(false);
            }

            _jobs[jobId] = (j.Job with { DueAt = dueAt, Attempts = 0 }, null, null, j.Error);
            return Task.FromResult(true);
        }
    }

    public Task AddAsync(KnowledgeSuggestion suggestion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_suggestions.Values.All(s => s.AnswerId != suggestion.AnswerId))
            {
                _suggestions[suggestion.Id] = suggestion;
            }
        }

        return Task.CompletedTask;
    }

    Task<KnowledgeSuggestion?> ISuggestionStore.GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_suggestions.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<KnowledgeSuggestion>> ListAsync(SuggestionStatus? status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<KnowledgeSuggestion>>(_suggestions.Values.Where(s => status is null || s.Status == status)
                .OrderByDescending(s => s.SuggestedAt).ToArray());
        }
    }

    public Task<bool> DecideAsync(string id, SuggestionStatus from, string question, string answer, SuggestionStatus status, string decidedBy,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_suggestions.TryGetValue(id, out var s) || s.Status != from)
            {
                return Task.FromResult(false);
            }

            _suggestions[id] = s with { Question = question, Answer = answer, Status = status, DecidedAt = at, DecidedBy = decidedBy };
            return Task.FromResult(true);
        }
    }

    /// <summary>When set, reading the approved version throws it (the database went away).</summary>
    public Exception? VersionFailure { get; set; }

    public Task<string> ApprovedVersionAsync(CancellationToken cancellationToken)
    {
        if (VersionFailure is { } failure)
        {
            return Task.FromException<string>(failure);
        }

        lock (_gate)
        {
            return Task.FromResult(string.Join(',', _suggestions.Values.Where(s => s.Status == SuggestionStatus.Approved)
                .Select(s => s.Id + "@" + s.DecidedAt?.ToUnixTimeMilliseconds())));
        }
    }

    private Task Change(string ticketId, Func<Ticket, Ticket> change)
    {
        lock (_gate)
        {
            if (_tickets.TryGetValue(ticketId, out var t))
            {
                _tickets[ticketId] = change(t);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>An experts' channel that records its posts and updates; <see cref="Members"/> decides who may answer.</summary>
internal sealed class RecordingExpertChannel(string channel) : IExpertChannel, IExpertAnswerDelivery
{
    private readonly Lock _gate = new();
    private int _next;

    public string Channel => channel;

    public HashSet<string> Members { get; } = [];

    public List<ExpertTicketMessage> Posts { get; } = [];

    public List<(TicketPost Post, ExpertTicketMessage Message)> Updates { get; } = [];

    public List<(ExpertAsker Asker, ExpertAnswerMessage Message)> Delivered { get; } = [];

    /// <summary>What members were told privately (<see cref="TellAsync"/>), in order.</summary>
    public List<(string UserId, OutboundMessage Message)> Told { get; } = [];

    /// <summary>How many of the next deliveries fail.</summary>
    public int FailNextDeliveries { get; set; }

    /// <summary>How many of the next posts fail (the channel down, the bot not in it).</summary>
    public int FailNextPosts { get; set; }

    public Task<TicketPost> PostAsync(ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailNextPosts > 0)
            {
                FailNextPosts--;
                throw new HttpRequestException("not_in_channel");
            }

            Posts.Add(message);
            return Task.FromResult(new TicketPost(channel, "experts", "m" + ++_next));
        }
    }

    public Task UpdateAsync(TicketPost post, ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Updates.Add((post, message));
        }

        return Task.CompletedTask;
    }

    public Task TellAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Told.Add((userId, message));
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(Members.Contains(userId));

    public Task DeliverAsync(ExpertAsker asker, ExpertAnswerMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailNextDeliveries > 0)
            {
                FailNextDeliveries--;
                throw new HttpRequestException("the channel is down");
            }

            Delivered.Add((asker, message));
        }

        return Task.CompletedTask;
    }
}
