# The stack the Terraform end-to-end test applies: an external network (as the admin), and as
# demo a network and subnet, a router with its gateway on the external network and an interface on
# the subnet, a security group with rules, a server on the network in the group, and a floating
# IP associated with the server's port; an image uploaded from a local file; a volume attached to
# the server, and a second server booted from a volume made from the image.
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

variable "image_file" {
  type = string
}

provider "openstack" {
  cloud = "openstack-sim-demo"
}

provider "openstack" {
  alias = "admin"
  cloud = "openstack-sim"
}

resource "openstack_networking_network_v2" "external" {
  provider = openstack.admin
  name     = "${var.prefix}-public"
  external = true
}

resource "openstack_networking_subnet_v2" "external" {
  provider    = openstack.admin
  name        = "${var.prefix}-public-subnet"
  network_id  = openstack_networking_network_v2.external.id
  cidr        = "172.24.99.0/24"
  ip_version  = 4
  enable_dhcp = false
}

resource "openstack_networking_network_v2" "app" {
  name           = "${var.prefix}-net"
  admin_state_up = true
  tags           = ["terraform"]
}

resource "openstack_networking_subnet_v2" "app" {
  name            = "${var.prefix}-subnet"
  network_id      = openstack_networking_network_v2.app.id
  cidr            = "10.99.0.0/24"
  ip_version      = 4
  dns_nameservers = ["10.99.0.53"]
}

resource "openstack_networking_router_v2" "router" {
  name                = "${var.prefix}-router"
  external_network_id = openstack_networking_network_v2.external.id
  depends_on          = [openstack_networking_subnet_v2.external]
}

resource "openstack_networking_router_interface_v2" "app" {
  router_id = openstack_networking_router_v2.router.id
  subnet_id = openstack_networking_subnet_v2.app.id
}

resource "openstack_networking_secgroup_v2" "web" {
  name                 = "${var.prefix}-web"
  description          = "ssh and http"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_rule_v2" "egress" {
  direction         = "egress"
  ethertype         = "IPv4"
  security_group_id = openstack_networking_secgroup_v2.web.id
}

resource "openstack_networking_secgroup_rule_v2" "ssh" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "0.0.0.0/0"
  security_group_id = openstack_networking_secgroup_v2.web.id
}

resource "openstack_networking_secgroup_rule_v2" "http" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 80
  port_range_max    = 80
  remote_ip_prefix  = "10.0.0.0/8"
  security_group_id = openstack_networking_secgroup_v2.web.id
}

resource "openstack_compute_instance_v2" "vm" {
  name            = "${var.prefix}-vm"
  flavor_name     = "m1.tiny"
  image_name      = "cirros"
  security_groups = [openstack_networking_secgroup_v2.web.name]

  network {
    uuid = openstack_networking_network_v2.app.id
  }

  depends_on = [openstack_networking_subnet_v2.app]
}

data "openstack_networking_port_v2" "vm" {
  device_id  = openstack_compute_instance_v2.vm.id
  network_id = openstack_networking_network_v2.app.id
}

resource "openstack_networking_floatingip_v2" "vm" {
  pool       = openstack_networking_network_v2.external.name
  depends_on = [openstack_networking_subnet_v2.external]
}

resource "openstack_networking_floatingip_associate_v2" "vm" {
  floating_ip = openstack_networking_floatingip_v2.vm.address
  port_id     = data.openstack_networking_port_v2.vm.id
  depends_on  = [openstack_networking_router_interface_v2.app]
}

resource "openstack_images_image_v2" "disk" {
  name             = "${var.prefix}-disk"
  local_file_path  = var.image_file
  container_format = "bare"
  disk_format      = "raw"
  visibility       = "private"
  tags             = ["terraform"]

  properties = {
    os_distro = "cirros"
  }
}

resource "openstack_blockstorage_volume_v3" "data" {
  name        = "${var.prefix}-data"
  size        = 1
  description = "terraform data volume"
  metadata = {
    tier = "gold"
  }
}

resource "openstack_compute_volume_attach_v2" "data" {
  instance_id = openstack_compute_instance_v2.vm.id
  volume_id   = openstack_blockstorage_volume_v3.data.id
}

resource "openstack_compute_instance_v2" "bfv" {
  name        = "${var.prefix}-bfv"
  flavor_name = "m1.tiny"

  block_device {
    uuid                  = openstack_images_image_v2.disk.id
    source_type           = "image"
    destination_type      = "volume"
    volume_size           = 1
    boot_index            = 0
    delete_on_termination = true
  }

  network {
    uuid = openstack_networking_network_v2.app.id
  }

  depends_on = [openstack_networking_subnet_v2.app]
}

output "volume_id" {
  value = openstack_blockstorage_volume_v3.data.id
}

output "bfv_server_id" {
  value = openstack_compute_instance_v2.bfv.id
}

output "image_id" {
  value = openstack_images_image_v2.disk.id
}

output "server_id" {
  value = openstack_compute_instance_v2.vm.id
}

output "floating_ip" {
  value = openstack_networking_floatingip_v2.vm.address
}

output "security_group_id" {
  value = openstack_networking_secgroup_v2.web.id
}
