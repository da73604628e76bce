"""Keyworking: referrals, allocations, the team around the child, contacts, plans, escalations."""

from keywork.keyworking.models.allocations import Allocation
from keywork.keyworking.models.contacts import Contact, FollowUp
from keywork.keyworking.models.escalations import Escalation
from keywork.keyworking.models.network import Involvement, Professional
from keywork.keyworking.models.plans import SupportPlan
from keywork.keyworking.models.referrals import Referral

__all__ = ["Allocation", "Contact", "Escalation", "FollowUp", "Involvement", "Professional", "Referral", "SupportPlan"]
