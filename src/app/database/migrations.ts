import type { MigrationInterface } from 'typeorm';
import { Initial1795794182056 } from '../../../migrations/1795794182056-initial.js';
import { Organizations1795794551688 } from '../../../migrations/1795794551688-organizations.js';
import { Challenges1795795042561 } from '../../../migrations/1795795042561-challenges.js';
import { Proposals1795795666018 } from '../../../migrations/1795795666018-proposals.js';
import { ChallengeChecks1795796361132 } from '../../../migrations/1795796361132-challenge-checks.js';
import { ListIndexes1795797000000 } from '../../../migrations/1795797000000-list-indexes.js';
import { SearchRecency1795798000000 } from '../../../migrations/1795798000000-search-recency.js';
import { ScoreSummaries1795799000000 } from '../../../migrations/1795799000000-score-summaries.js';
import { AuditAppend1795800000000 } from '../../../migrations/1795800000000-audit-append.js';
import { ProposalScoreTotals1795801000000 } from '../../../migrations/1795801000000-proposal-score-totals.js';
import { SearchIndexNoPendingList1795802000000 } from '../../../migrations/1795802000000-search-index-no-pending-list.js';
import { SearchMonthLexemes1795803000000 } from '../../../migrations/1795803000000-search-month-lexemes.js';
import { ProposalCountVisibility1795900000000 } from '../../../migrations/1795900000000-proposal-count-visibility.js';
import { CreditCodeVerifiedUnique1795900050000 } from '../../../migrations/1795900050000-credit-code-verified-unique.js';
import { RateLimits1795900100000 } from '../../../migrations/1795900100000-rate-limits.js';
import { EmailSkeleton1795900200000 } from '../../../migrations/1795900200000-email-skeleton.js';
import { VetoThresholdFromCode1795900300000 } from '../../../migrations/1795900300000-veto-threshold-from-code.js';
import { AuditReadSubjects1795900417000 } from '../../../migrations/1795900417000-audit-read-subjects.js';
import { SmeCapabilities1795900500000 } from '../../../migrations/1795900500000-sme-capabilities.js';
import { ChallengeExcludedApproaches1795900600000 } from '../../../migrations/1795900600000-challenge-excluded-approaches.js';
import { Matchmaking1795900700000 } from '../../../migrations/1795900700000-matchmaking.js';
import { MatchLists1795900800000 } from '../../../migrations/1795900800000-match-lists.js';
import { Introductions1795900900000 } from '../../../migrations/1795900900000-introductions.js';
import { RelatedChallenges1795901000000 } from '../../../migrations/1795901000000-related-challenges.js';
import { MatchTermsCovering1795901100000 } from '../../../migrations/1795901100000-match-terms-covering.js';
import { SimilarLists1795901200000 } from '../../../migrations/1795901200000-similar-lists.js';
import { Notifications1795901300000 } from '../../../migrations/1795901300000-notifications.js';
import { Mail1795901400000 } from '../../../migrations/1795901400000-mail.js';
import { NotificationTxid1795901600000 } from '../../../migrations/1795901600000-notification-txid.js';
import { NotificationKindRecommended1795901700000 } from '../../../migrations/1795901700000-notification-kind-recommended.js';
import { NotificationKindsEvaluation1795901800000 } from '../../../migrations/1795901800000-notification-kinds-evaluation.js';
import { NotificationKindsReminders1795901900000 } from '../../../migrations/1795901900000-notification-kinds-reminders.js';

/** Every migration class, in order, listed once for the service, the migration CLI and the tests. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795794182056,
  Organizations1795794551688,
  Challenges1795795042561,
  Proposals1795795666018,
  ChallengeChecks1795796361132,
  ListIndexes1795797000000,
  SearchRecency1795798000000,
  ScoreSummaries1795799000000,
  AuditAppend1795800000000,
  ProposalScoreTotals1795801000000,
  SearchIndexNoPendingList1795802000000,
  SearchMonthLexemes1795803000000,
  ProposalCountVisibility1795900000000,
  CreditCodeVerifiedUnique1795900050000,
  RateLimits1795900100000,
  EmailSkeleton1795900200000,
  VetoThresholdFromCode1795900300000,
  AuditReadSubjects1795900417000,
  SmeCapabilities1795900500000,
  ChallengeExcludedApproaches1795900600000,
  Matchmaking1795900700000,
  MatchLists1795900800000,
  Introductions1795900900000,
  RelatedChallenges1795901000000,
  MatchTermsCovering1795901100000,
  SimilarLists1795901200000,
  Notifications1795901300000,
  Mail1795901400000,
  NotificationTxid1795901600000,
  NotificationKindRecommended1795901700000,
  NotificationKindsEvaluation1795901800000,
  NotificationKindsReminders1795901900000,
];
