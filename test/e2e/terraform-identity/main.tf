# The stack the Terraform identity end-to-end test applies, as the admin: a project with a child
# project (description, tags, enabled), a user whose default project is the child, the member
# role (looked up by name) granted to the user on the child, and the child's compute, network and
# volume quotas. The user then makes its own application credential (Keystone lets a user create
# only their own), through a second provider that logs in as that user on the child project once
# the grant exists.
terraform {
  required_providers {
    openstack = {
      source  = "terraform-provider-openstack/openstack"
      version = "3.4.0"
    }
  }
}

variable "prefix" {
  type = string
}

variable "auth_url" {
  type = string
}

variable "user_password" {
  type      = string
  sensitive = true
}

# What the test's second apply changes in place.
variable "child_description" {
  type    = string
  default = "Terraform's child project"
}

variable "child_tags" {
  type    = list(string)
  default = ["terraform", "child"]
}

variable "user_description" {
  type    = string
  default = "made by Terraform"
}

variable "instances" {
  type    = number
  default = 7
}

variable "ports" {
  type    = number
  default = 30
}

variable "gigabytes" {
  type    = number
  default = 300
}

provider "openstack" {
  cloud = "openstack-sim"
}

# Logs in lazily (the provider's delayed_auth), so planning before the user exists is fine.
provider "openstack" {
  alias               = "user"
  auth_url            = var.auth_url
  region              = "RegionOne"
  user_name           = "${var.prefix}-user"
  password            = var.user_password
  tenant_name         = "${var.prefix}-child"
  user_domain_name    = "Default"
  project_domain_name = "Default"
}

data "openstack_identity_role_v3" "member" {
  name = "member"
}

resource "openstack_identity_project_v3" "parent" {
  name        = "${var.prefix}-parent"
  description = "Terraform's parent project"
  tags        = ["terraform", "parent"]
}

resource "openstack_identity_project_v3" "child" {
  name        = "${var.prefix}-child"
  description = var.child_description
  parent_id   = openstack_identity_project_v3.parent.id
  enabled     = true
  tags        = var.child_tags
}

# A project acting as a domain (Keystone's is_domain): destroy disables it, then deletes it.
resource "openstack_identity_project_v3" "domain" {
  name        = "${var.prefix}-domain"
  description = "a domain made through the projects API"
  is_domain   = true
}

resource "openstack_identity_user_v3" "user" {
  name               = "${var.prefix}-user"
  description        = var.user_description
  password           = var.user_password
  default_project_id = openstack_identity_project_v3.child.id
  enabled            = true
  extra              = { email = "${var.prefix}@example.org" }

  # Keystone's user options; the rule binds nobody while multi_factor_auth_enabled is unset, so
  # the user still logs in with its password below.
  ignore_change_password_upon_first_use = true
  multi_factor_auth_rule {
    rule = ["password", "totp"]
  }
}

resource "openstack_identity_role_assignment_v3" "member" {
  user_id    = openstack_identity_user_v3.user.id
  project_id = openstack_identity_project_v3.child.id
  role_id    = data.openstack_identity_role_v3.member.id
}

resource "openstack_identity_application_credential_v3" "ci" {
  provider    = openstack.user
  name        = "${var.prefix}-ci"
  description = "the user's own credential, member only"
  roles       = ["member"]
  expires_at  = "2099-01-01T00:00:00Z"
  depends_on  = [openstack_identity_role_assignment_v3.member]
}

resource "openstack_compute_quotaset_v2" "child" {
  project_id           = openstack_identity_project_v3.child.id
  instances            = var.instances
  cores                = 14
  ram                  = 28672
  key_pairs            = 5
  metadata_items       = 64
  server_groups        = 3
  server_group_members = 4
  fixed_ips            = 20
  injected_files       = 3
}

resource "openstack_networking_quota_v2" "child" {
  project_id          = openstack_identity_project_v3.child.id
  network             = 4
  subnet              = 6
  port                = var.ports
  router              = 2
  floatingip          = 3
  security_group      = 8
  security_group_rule = 60
  subnetpool          = -1
  rbac_policy         = 7
}

resource "openstack_blockstorage_quotaset_v3" "child" {
  project_id           = openstack_identity_project_v3.child.id
  volumes              = 9
  snapshots            = 11
  gigabytes            = var.gigabytes
  per_volume_gigabytes = 50
  backups              = 4
  backup_gigabytes     = 40
  groups               = 2
  # Every per-type key of every volume type (here only __DEFAULT__): the provider reads back all
  # that Cinder shows once any is set, so naming only some is a perpetual diff, on Cinder as here.
  volume_type_quota = {
    volumes___DEFAULT__   = 4
    gigabytes___DEFAULT__ = 120
    snapshots___DEFAULT__ = 6
  }
}

output "parent_id" {
  value = openstack_identity_project_v3.parent.id
}

output "child_id" {
  value = openstack_identity_project_v3.child.id
}

output "domain_id" {
  value = openstack_identity_project_v3.domain.id
}

output "user_id" {
  value = openstack_identity_user_v3.user.id
}

output "role_id" {
  value = data.openstack_identity_role_v3.member.id
}

output "credential_id" {
  value = openstack_identity_application_credential_v3.ci.id
}

output "credential_secret" {
  value     = openstack_identity_application_credential_v3.ci.secret
  sensitive = true
}
