# The compute stack the Terraform compute end-to-end test applies, as demo: a keypair imported from
# a local public key file, an anti-affinity server group, and a server on the seeded `private`
# network with the keypair, user data, metadata and the group as its scheduler hint, kept shut
# off. The test changes `flavor` (an in-place resize the provider confirms) and `power_state`.
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

variable "public_key_file" {
  type = string
}

variable "flavor" {
  type    = string
  default = "m1.tiny"
}

variable "power_state" {
  type    = string
  default = "shutoff"
}

provider "openstack" {
  cloud = "openstack-sim-demo"
}

# The file's text as is, trailing newline included: Nova keeps the key as sent, so the next plan
# finds it unchanged (a trimmed copy would replace the keypair every time).
resource "openstack_compute_keypair_v2" "key" {
  name       = "${var.prefix}-key"
  public_key = file(var.public_key_file)
}

resource "openstack_compute_servergroup_v2" "group" {
  name     = "${var.prefix}-group"
  policies = ["anti-affinity"]
}

resource "openstack_compute_instance_v2" "vm" {
  name        = "${var.prefix}-vm"
  flavor_name = var.flavor
  image_name  = "cirros"
  key_pair    = openstack_compute_keypair_v2.key.name
  user_data   = "#!/bin/sh\necho hello from ${var.prefix}\n"
  power_state = var.power_state

  metadata = {
    role = "web"
    tier = "frontend"
  }

  scheduler_hints {
    group = openstack_compute_servergroup_v2.group.id
  }

  network {
    name = "private"
  }
}

output "server_id" {
  value = openstack_compute_instance_v2.vm.id
}

output "group_id" {
  value = openstack_compute_servergroup_v2.group.id
}

output "fingerprint" {
  value = openstack_compute_keypair_v2.key.fingerprint
}
